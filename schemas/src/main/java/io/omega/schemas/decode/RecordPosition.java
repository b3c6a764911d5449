package io.omega.schemas.decode;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Where a consumed record sits, for messages that must let an operator find it: topic, partition and offset. */
public record RecordPosition(String topic, int partition, long offset) {

    public static RecordPosition of(ConsumerRecord<?, ?> record) {
        return new RecordPosition(record.topic(), record.partition(), record.offset());
    }

    /** {@code message}, followed by this position (once: a message that already ends with it is returned as is). */
    public String describe(String message) {
        String suffix = " (record at " + this + ")";
        return message.endsWith(suffix) ? message : message + suffix;
    }

    @Override
    public String toString() {
        return topic + " partition " + partition + ", offset " + offset;
    }
}
