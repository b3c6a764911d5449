package io.omega.schemas.topic;

import java.util.Map;
import java.util.Objects;

/**
 * One topic of the catalogue: its name, what its keys and values are, how it is partitioned and the
 * topic-level configs it must carry. The value type is part of the type, so a reader asks
 * {@link TopicDecoder#of} or {@link DecodingHandler} for a {@code TopicSpec<Decision>} and gets {@code Decision}s,
 * never bytes to decode by hand.
 *
 * @param valueType Avro record class of the values; {@code byte[]} for dead-letter topics, which keep
 *                  rejected records unchanged
 * @param <V>       the value type
 */
public record TopicSpec<V>(String name, Class<?> keyType, Class<V> valueType, String keyMeaning,
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

    /** The same topic under another name (a test's prefix, a second registry's log). */
    public TopicSpec<V> renamed(String newName) {
        return new TopicSpec<>(newName, keyType, valueType, keyMeaning, partitioning, configs);
    }

    public boolean isDeadLetter() {
        return name.endsWith(Topics.DLQ_SUFFIX);
    }
}
