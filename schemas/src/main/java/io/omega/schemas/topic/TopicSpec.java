package io.omega.schemas.topic;

import java.util.Map;
import java.util.Objects;

/**
 * One topic of the catalogue: its name, what its keys and values are, how it is partitioned and the
 * topic-level configs it must carry.
 *
 * @param valueType Avro record class of the values; {@code byte[]} for dead-letter topics, which keep
 *                  rejected records unchanged
 */
public record TopicSpec(String name, Class<?> keyType, Class<?> valueType, String keyMeaning,
                        Partitioning partitioning, Map<String, String> configs) {

    /** How many partitions a topic gets. */
    public enum Partitioning {
        /** {@code kafka.topic_partitions} from config: topics that scale with the number of symbols. */
        CONFIGURED,
        /** One partition: low-volume topics whose readers need one total order (the registry's log). */
        SINGLE
    }

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(partitioning, "partitioning");
        configs = Map.copyOf(configs);
    }

    public int partitions(int configuredPartitions) {
        return partitioning == Partitioning.SINGLE ? 1 : configuredPartitions;
    }

    public boolean isDeadLetter() {
        return name.endsWith(Topics.DLQ_SUFFIX);
    }
}
