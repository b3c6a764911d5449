package io.omega.app.schemas;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.omega.schemas.topic.TopicSpec;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.common.config.TopicConfig;

/**
 * One topic as {@code topics.json} describes it to a client in any language: what to put in the key and value,
 * and how long the cluster keeps what it is given.
 *
 * @param retentionMs {@code -1} for a topic that is kept forever
 */
public record TopicListing(String name, Key key, Value value, int partitions,
                           @JsonProperty("retention_ms") long retentionMs,
                           @JsonProperty("cleanup_policy") String cleanupPolicy) {

    /** Keys of every OMEGA topic are plain strings; records of one key stay in order on one partition. */
    public static final String KEY_SERIALIZATION = "UTF-8 string";
    public static final String VALUE_SERIALIZATION =
            "Avro binary in the Confluent wire format: byte 0, 4-byte big-endian schema id, then the record";
    /** A dead-letter topic holds what a consumer could not decode, so no schema can describe it. */
    public static final String DEAD_LETTER_SERIALIZATION =
            "the rejected record's bytes, unchanged; the reason travels in headers";

    /** @param meaning what the key names, e.g. {@code symbol} or {@code model type} */
    public record Key(String meaning, String serialization) {
    }

    /**
     * @param record     the Avro record's full name; null on a dead-letter topic
     * @param schemaFile the file {@code omega schemas export} writes its schema to; null on a dead-letter topic
     * @param subject    the schema registry subject its schema is registered under; null on a dead-letter topic
     */
    public record Value(String record, @JsonProperty("schema_file") String schemaFile, String subject,
                        String serialization) {
    }

    /** {@code configuredPartitions}: {@code kafka.topic_partitions}, which topics that scale with symbols get. */
    public static TopicListing of(TopicSpec<?> topic, int configuredPartitions) {
        Value value = topic.isDeadLetter()
                ? new Value(null, null, null, DEAD_LETTER_SERIALIZATION)
                : new Value(SpecificData.get().getSchema(topic.valueType()).getFullName(), schemaFile(topic),
                        topic.name() + "-value", VALUE_SERIALIZATION);
        return new TopicListing(topic.name(), new Key(topic.keyMeaning(), KEY_SERIALIZATION), value,
                topic.partitions(configuredPartitions),
                Long.parseLong(topic.configs().getOrDefault(TopicConfig.RETENTION_MS_CONFIG, "-1")),
                topic.configs().getOrDefault(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE));
    }

    /** {@code <RecordName>.avsc}: one file per record, whatever topic carries it. */
    public static String schemaFile(TopicSpec<?> topic) {
        return SpecificData.get().getSchema(topic.valueType()).getName() + ".avsc";
    }
}
