package io.omega.sink.stats;

import java.time.Instant;
import java.util.Optional;

/**
 * What the sink has written for one kind since it started: the status API's {@code total_logged},
 * {@code files_created} and {@code last_flush}.
 */
public record KindStats(long totalLogged, long filesCreated, Optional<Instant> lastFlush) {
}
