package io.omega.sink.dlq;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Our handling of the dead-letter producer, on a {@link MockProducer}: what is sent where, and that a record the
 * producer could not deliver fails the flush, which the sink does before it commits the offsets of those records.
 */
class DeadLettersTest {

    private final MockProducer<byte[], byte[]> producer = new MockProducer<>(false, null, new ByteArraySerializer(),
            new ByteArraySerializer());
    private final DeadLetters deadLetters = new DeadLetters(producer);

    private static final long T = 1_765_000_000_000L;

    private static ConsumerRecord<byte[], byte[]> record(long offset) {
        return new ConsumerRecord<>("omega.decisions", 1, offset, T, TimestampType.CREATE_TIME, 1, 5,
                "k".getBytes(StandardCharsets.UTF_8), new byte[] {0, 0, 0, 0, 9}, new RecordHeaders(),
                Optional.empty());
    }

    private static String header(ProducerRecord<byte[], byte[]> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void sendsTheRecordUnchangedToItsTopicsDeadLetterTopicSayingWhyAndFromWhere() {
        deadLetters.send(record(41), new IllegalArgumentException("unknown schema id 9"));
        producer.completeNext();
        deadLetters.flush();

        assertThat(producer.history()).hasSize(1);
        ProducerRecord<byte[], byte[]> sent = producer.history().get(0);
        assertThat(sent.topic()).isEqualTo("omega.decisions.dlq");
        assertThat(sent.key()).isEqualTo("k".getBytes(StandardCharsets.UTF_8));
        assertThat(sent.value()).containsExactly(0, 0, 0, 0, 9);
        assertThat(sent.timestamp()).isEqualTo(T);
        assertThat(header(sent, DeadLetters.SOURCE_TOPIC)).isEqualTo("omega.decisions");
        assertThat(header(sent, DeadLetters.SOURCE_PARTITION)).isEqualTo("1");
        assertThat(header(sent, DeadLetters.SOURCE_OFFSET)).isEqualTo("41");
        assertThat(header(sent, DeadLetters.EXCEPTION)).isEqualTo(IllegalArgumentException.class.getName());
        assertThat(header(sent, DeadLetters.ERROR)).contains("unknown schema id 9");
    }

    @Test
    void aRecordWithoutATimestampGetsTheProducersTimeInsteadOfFailingTheSend() {
        deadLetters.send(new ConsumerRecord<>("omega.outcomes", 0, 7, new byte[0], new byte[] {1}),
                new IllegalArgumentException("bad"));
        producer.completeNext();
        deadLetters.flush();
        assertThat(producer.history()).singleElement().satisfies(r -> {
            assertThat(r.topic()).isEqualTo("omega.outcomes.dlq");
            assertThat(r.timestamp()).isNull();
        });
    }

    @Test
    void aRecordThatCouldNotBeDeliveredFailsTheFlushOnceAndOnlyOnce() {
        deadLetters.send(record(1), new IllegalArgumentException("bad"));
        deadLetters.send(record(2), new IllegalArgumentException("bad"));
        producer.completeNext();
        producer.errorNext(new TimeoutException("no broker"));

        assertThatThrownBy(deadLetters::flush).isInstanceOf(IllegalStateException.class)
                .hasMessage("could not deliver a record to a dead-letter topic: no broker")
                .hasCauseInstanceOf(TimeoutException.class);
        // the failure is reported to the flush that covered it; a later flush of delivered records succeeds
        deadLetters.send(record(3), new IllegalArgumentException("bad"));
        producer.completeNext();
        deadLetters.flush();
        assertThat(producer.history()).hasSize(3);
    }
}
