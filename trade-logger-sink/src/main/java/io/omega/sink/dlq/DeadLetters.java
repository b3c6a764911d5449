package io.omega.sink.dlq;

import io.omega.schemas.dlq.DeadLetterRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends records the sink cannot keep to {@code <topic>.dlq}: key, value and headers unchanged, plus headers saying
 * why and where the record came from. {@link #flush()} must succeed before the offsets of those records are
 * committed, so a rejected record is never lost (it may be sent twice if the sink crashes in between).
 */
public final class DeadLetters implements AutoCloseable {

    public static final String ERROR = DeadLetterRecord.ERROR;
    public static final String EXCEPTION = DeadLetterRecord.EXCEPTION;
    public static final String SOURCE_TOPIC = DeadLetterRecord.SOURCE_TOPIC;
    public static final String SOURCE_PARTITION = DeadLetterRecord.SOURCE_PARTITION;
    public static final String SOURCE_OFFSET = DeadLetterRecord.SOURCE_OFFSET;

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

    /** Sends {@code record} in the project's one dead-letter shape ({@link DeadLetterRecord}). */
    public void send(ConsumerRecord<byte[], byte[]> record, Exception error) {
        producer.send(DeadLetterRecord.of(record, error), (metadata, e) -> {
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
}
