package io.omega.controller.streams;

import io.omega.schemas.decode.RegistryOutagePause;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long a Kafka Streams thread waits before failing on a record whose schema the registry could not give:
 * doubling per consecutive failure of a partition, up to {@link RegistryOutagePause#MAX_BACKOFF}. Kept outside the
 * handler because Kafka Streams gives a replaced thread a new handler, and the backoff must keep growing across
 * replacements; a failure long after the previous one starts over.
 */
final class RegistryRetryBackoff {

    static final RegistryRetryBackoff SHARED = new RegistryRetryBackoff(RegistryOutagePause.INITIAL_BACKOFF,
            RegistryOutagePause.MAX_BACKOFF);

    private record Attempt(int number, long atMillis) {
    }

    private final Duration initial;
    private final Duration max;
    private final Map<TopicPartition, Attempt> last = new ConcurrentHashMap<>();

    RegistryRetryBackoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    Duration next(TopicPartition partition, long nowMillis) {
        Attempt attempt = last.compute(partition, (p, before) ->
                before != null && nowMillis - before.atMillis() <= 4 * max.toMillis()
                        ? new Attempt(before.number() + 1, nowMillis) : new Attempt(1, nowMillis));
        long millis = initial.toMillis() << Math.min(attempt.number() - 1, 20);
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
