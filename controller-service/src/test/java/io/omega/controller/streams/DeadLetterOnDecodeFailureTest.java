package io.omega.controller.streams;

import io.omega.schemas.decode.SchemaRegistryUnavailableException;
import io.omega.schemas.dlq.DeadLetterRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.Response;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.Result;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterOnDecodeFailureTest {

    private final List<Duration> slept = new ArrayList<>();
    private final DeadLetterOnDecodeFailure handler = new DeadLetterOnDecodeFailure(
            new RegistryRetryBackoff(Duration.ofMillis(250), Duration.ofSeconds(8)), slept::add);

    private static ConsumerRecord<byte[], byte[]> record(String topic) {
        byte[] value = {0, 0, 0, 0, 42, 1};
        return new ConsumerRecord<>(topic, 2, 17L, 1_767_225_600_000L, TimestampType.CREATE_TIME, 1, value.length,
                "k".getBytes(), value, new RecordHeaders(), Optional.empty());
    }

    @Test
    void anUndecodableRecordIsDeadLetteredWithItsPosition() {
        Response response = handler.handleError(null, record("omega.outcomes"), new SerializationException(
                "cannot decode a Outcome from topic omega.outcomes: schema id 42 is not in the schema registry (it answered 404)"));

        assertThat(response.result()).isEqualTo(Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(dlq -> {
            assertThat(dlq.topic()).isEqualTo("omega.outcomes.dlq");
            assertThat(DeadLetterRecord.header(dlq.headers(), DeadLetterRecord.ERROR)).contains("cannot decode a Outcome "
                    + "from topic omega.outcomes: schema id 42 is not in the schema registry (it answered 404) "
                    + "(record at omega.outcomes partition 2, offset 17)");
            assertThat(DeadLetterRecord.header(dlq.headers(), DeadLetterRecord.EXCEPTION))
                    .contains(SerializationException.class.getName());
        });
        assertThat(slept).isEmpty();
    }

    @Test
    void anUnreachableRegistryFailsTheThreadAfterABackoffWithoutDeadLetters() {
        Exception unreachable = new SchemaRegistryUnavailableException("the schema registry cannot be reached",
                new RuntimeException(new ConnectException("Connection refused")));

        for (int i = 0; i < 7; i++) {
            Response response = handler.handleError(null, record("omega.outcomes"), unreachable);
            assertThat(response.result()).isEqualTo(Result.FAIL);
            assertThat(response.deadLetterQueueRecords()).isEmpty();
        }
        assertThat(slept).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(8));
    }

    @Test
    void anUnreachableRegistryFailsEvenOnAGlobalStoresTopic() {
        handler.configure(Map.of(DeadLetterOnDecodeFailure.GLOBAL_TOPICS, "omega.registry-events"));

        assertThat(handler.handleError(null, record("omega.registry-events"),
                new SchemaRegistryUnavailableException("down", new ConnectException())).result()).isEqualTo(Result.FAIL);
        Response bad = handler.handleError(null, record("omega.registry-events"), new SerializationException("bad"));
        assertThat(bad.result()).isEqualTo(Result.RESUME);
        assertThat(bad.deadLetterQueueRecords()).isEmpty();
    }
}
