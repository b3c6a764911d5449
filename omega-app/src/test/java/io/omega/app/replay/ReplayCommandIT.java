package io.omega.app.replay;

import io.omega.app.CliRun;
import io.omega.testing.kafka.CommittedRecords;
import io.omega.testing.kafka.KafkaBrokerExtension;
import io.omega.testing.kafka.KafkaTestBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(KafkaBrokerExtension.class)
class ReplayCommandIT {

    private static final Instant T0 = Instant.parse("2025-01-24T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aTimeRangeIsRepublishedByteForByteAndADryRunOnlyCounts(KafkaTestBroker kafka) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        String source = "replay.src." + UUID.randomUUID();
        String target = "replay.dst." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(source, 3, (short) 1), new NewTopic(target, 3, (short) 1))).all().get();
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 30; i++) {
                RecordHeaders headers = new RecordHeaders();
                headers.add("n", Integer.toString(i).getBytes(StandardCharsets.UTF_8));
                producer.send(new ProducerRecord<>(source, i % 3, T0.plusSeconds(i).toEpochMilli(),
                        ("k" + i).getBytes(StandardCharsets.UTF_8), new byte[] {0, 0, 0, 0, 7, (byte) i}, headers)).get();
            }
        }
        Path config = dir.resolve("c.yaml");
        Files.writeString(config, "kafka:\n  bootstrap_servers: \"" + bootstrap + "\"\n");

        CliRun dry = CliRun.of("replay", "--config", config.toString(), "--topic", source, "--from", "2025-01-24T12:00:10Z",
                "--to", "2025-01-24T12:00:20Z", "--into", target, "--dry-run");
        assertThat(dry.exit()).isZero();
        assertThat(dry.out()).isEqualTo("10 record(s) of " + source + " in [2025-01-24T12:00:10Z, 2025-01-24T12:00:20Z)\n");
        assertThat(CommittedRecords.read(bootstrap, target, r -> true, 0, Duration.ofSeconds(1))).isEmpty();

        CliRun replay = CliRun.of("replay", "--config", config.toString(), "--topic", source, "--from", "2025-01-24T12:00:10Z",
                "--to", "2025-01-24T12:00:20Z", "--into", target);
        assertThat(replay.exit()).isZero();
        assertThat(replay.out()).endsWith("re-published to " + target + "\n");
        List<ConsumerRecord<byte[], byte[]>> copied = CommittedRecords.read(bootstrap, target, r -> true, 10,
                Duration.ofSeconds(1));
        assertThat(copied).hasSize(10);
        for (ConsumerRecord<byte[], byte[]> r : copied) {
            int i = Integer.parseInt(new String(r.headers().lastHeader("n").value(), StandardCharsets.UTF_8));
            assertThat(i).isBetween(10, 19);
            assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("k" + i);
            assertThat(r.value()).containsExactly(0, 0, 0, 0, 7, i);
            assertThat(r.timestamp()).isEqualTo(T0.plusSeconds(i).toEpochMilli());
            assertThat(r.partition()).isEqualTo(i % 3);
        }

        CliRun backwards = CliRun.of("replay", "--config", config.toString(), "--topic", source, "--from", "2025-01-24T12:00:20Z",
                "--to", "2025-01-24T12:00:10Z");
        assertThat(backwards.exit()).isEqualTo(1);
        assertThat(backwards.err()).contains("--to (2025-01-24T12:00:10Z) must be after --from (2025-01-24T12:00:20Z)");
    }
}
