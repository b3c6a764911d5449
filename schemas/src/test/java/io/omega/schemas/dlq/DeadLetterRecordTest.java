package io.omega.schemas.dlq;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterRecordTest {

    @Test
    void keepsKeyValueTimestampAndHeadersAndSaysWhyAndWhere() {
        byte[] key = "cnn".getBytes(StandardCharsets.UTF_8);
        byte[] value = {1, 2, 3};
        RecordHeaders original = new RecordHeaders();
        original.add(new RecordHeader("trace", "t-1".getBytes(StandardCharsets.UTF_8)));
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("omega.training-requests", 2, 41L, 1_700_000_000_000L,
                TimestampType.CREATE_TIME, 3, 3, key, value, original, Optional.empty());

        var letter = DeadLetterRecord.of(record,
                new SerializationException("not Avro", new IllegalArgumentException("bad magic byte")));

        assertThat(letter.topic()).isEqualTo("omega.training-requests.dlq");
        assertThat(letter.key()).isSameAs(key);
        assertThat(letter.value()).isSameAs(value);
        assertThat(letter.timestamp()).isEqualTo(1_700_000_000_000L);
        assertThat(letter.partition()).isNull();
        assertThat(DeadLetterRecord.header(letter.headers(), "trace")).contains("t-1");
        assertThat(DeadLetterRecord.header(letter.headers(), DeadLetterRecord.ERROR))
                .contains("not Avro (record at omega.training-requests partition 2, offset 41)");
        assertThat(DeadLetterRecord.header(letter.headers(), DeadLetterRecord.EXCEPTION))
                .contains("java.lang.IllegalArgumentException");
        assertThat(DeadLetterRecord.header(letter.headers(), DeadLetterRecord.SOURCE_TOPIC)).contains("omega.training-requests");
        assertThat(DeadLetterRecord.header(letter.headers(), DeadLetterRecord.SOURCE_PARTITION)).contains("2");
        assertThat(DeadLetterRecord.header(letter.headers(), DeadLetterRecord.SOURCE_OFFSET)).contains("41");
        assertThat(DeadLetterRecord.header(letter.headers(), "absent")).isEmpty();
        assertThat(record.headers().toArray()).hasSize(1); // the consumed record is not changed
    }
}
