package io.omega.learning.dataset;

import java.time.Instant;

/**
 * One window: rows {@code end - window + 1 .. end} of a segment. {@code endTime} is the time of the decision the
 * window ends at (what is known when predicting); {@code labelTime} is the latest time the label looks at.
 * {@code classLabel} is -1 for the {@code return} target; {@code value} is the return (or the PnL for outcome).
 */
public record Sample(int segment, int end, Instant endTime, Instant labelTime, int classLabel, double value) {
}
