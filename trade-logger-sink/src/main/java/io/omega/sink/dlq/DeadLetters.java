package io.omega.sink.dlq;

import io.omega.schemas.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends records the sink cannot keep to {@code <topic>.dlq}: key, value and headers unchanged, plus headers saying
 * why and where the record came from. {@link #flush()} must succeed before the offsets of those records are
 * committed, so a rejected record is never lost (it may be sent twice if the sink crashes in between).
 */
public final class DeadLetters implements AutoCloseable {

    public static final String ERROR = "omega.dlq.error";
    public static final String EXCEPTION = "omega.dlq.exception";
    public static final String SOURCE_TOPIC = "omega.dlq.source.topic";
    public static final String SOURCE_PARTITION = "omega.dlq.source.partition";
    public static final String SOURCE_OFFSET = "omega.dlq.source.offset";

    private final Producer<byte[], byte[]> producer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public DeadLetters(Producer<byte[], byte[]> producer) {
        this.producer = producer;
    }

    public static DeadLetters connect(String bootstrapServers, String clientId) {
        return new DeadLetters(new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, clientId + "-dlq",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new ByteArraySerializer(), new ByteArraySerializer()));
    }

    public void send(ConsumerRecord<byte[], byte[]> record, Exception error) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add(ERROR, utf8(String.valueOf(error.getMessage())));
        headers.add(EXCEPTION, utf8((error.getCause() != null ? error.getCause() : error).getClass().getName()));
        headers.add(SOURCE_TOPIC, utf8(record.topic()));
        headers.add(SOURCE_PARTITION, utf8(Integer.toString(record.partition())));
        headers.add(SOURCE_OFFSET, utf8(Long.toString(record.offset())));
        producer.send(new ProducerRecord<>(Topics.deadLetterTopic(record.topic()), null, record.timestamp(),
                record.key(), record.value(), headers), (metadata, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        });
    }

    /** Waits until every record sent so far is acknowledged; throws if any could not be delivered. */
    public void flush() {
        producer.flush();
        Exception e = failure.getAndSet(null);
        if (e != null) {
            throw new IllegalStateException("could not deliver a record to a dead-letter topic: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
