package io.omega.learning.dataset;

import java.time.Duration;
import java.util.Map;

/**
 * What the builder did with the rows: how many it read, dropped and why, how many values it carried forward,
 * how many gaps it found, and the gap threshold used per symbol.
 */
public record BuildReport(int rowsRead, int duplicateRows, int badPriceRows, int unfillableRows, int filledValues,
                          int gaps, int segments, int flatSkipped, int withoutOutcomeSkipped,
                          Map<String, Duration> maxStepBySymbol) {
}
