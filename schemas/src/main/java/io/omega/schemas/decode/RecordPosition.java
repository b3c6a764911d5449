package io.omega.schemas.decode;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Where a consumed record sits, for messages that must let an operator find it: topic, partition and offset. */
public record RecordPosition(String topic, int partition, long offset) {

    public static RecordPosition of(ConsumerRecord<?, ?> record) {
        return new RecordPosition(record.topic(), record.partition(), record.offset());
    }

    /** {@code message}, followed by this position. */
    public String describe(String message) {
        return message + " (record at " + this + ")";
    }

    @Override
    public String toString() {
        return topic + " partition " + partition + ", offset " + offset;
    }
}
