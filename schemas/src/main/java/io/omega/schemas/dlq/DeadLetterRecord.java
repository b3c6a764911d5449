package io.omega.schemas.dlq;

import io.omega.schemas.decode.RecordPosition;
import io.omega.schemas.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The one shape of a dead letter, for every consumer of the project: the record's key, value, timestamp and
 * headers unchanged, on {@code <topic>.dlq}, plus headers saying why it was refused and where it came from, so
 * an operator can fix and replay it.
 */
public final class DeadLetterRecord {

    public static final String ERROR = "omega.dlq.error";
    public static final String EXCEPTION = "omega.dlq.exception";
    public static final String SOURCE_TOPIC = "omega.dlq.source.topic";
    public static final String SOURCE_PARTITION = "omega.dlq.source.partition";
    public static final String SOURCE_OFFSET = "omega.dlq.source.offset";

    private DeadLetterRecord() {
    }

    public static ProducerRecord<byte[], byte[]> of(ConsumerRecord<byte[], byte[]> record, Exception error) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        // The reason names where the record was, so that an operator can find it (and its schema id, if unknown).
        headers.add(ERROR, utf8(RecordPosition.of(record).describe(String.valueOf(error.getMessage()))));
        headers.add(EXCEPTION, utf8((error.getCause() != null ? error.getCause() : error).getClass().getName()));
        headers.add(SOURCE_TOPIC, utf8(record.topic()));
        headers.add(SOURCE_PARTITION, utf8(Integer.toString(record.partition())));
        headers.add(SOURCE_OFFSET, utf8(Long.toString(record.offset())));
        // A record without a timestamp (-1) would fail the send; it gets the producer's time instead.
        Long timestamp = record.timestamp() >= 0 ? record.timestamp() : null;
        return new ProducerRecord<>(Topics.deadLetterTopic(record.topic()), null, timestamp, record.key(),
                record.value(), headers);
    }

    /** The text of a header of a dead letter, if present. */
    public static Optional<String> header(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null ? Optional.empty() : Optional.of(new String(h.value(), StandardCharsets.UTF_8));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
