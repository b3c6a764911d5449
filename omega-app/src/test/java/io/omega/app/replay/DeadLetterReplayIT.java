package io.omega.app.replay;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omega.app.CliRun;
import io.omega.config.RegistryMode;
import io.omega.config.SchemaRegistryConfig;
import io.omega.schemas.dlq.DeadLetterRecord;
import io.omega.schemas.event.Decision;
import io.omega.schemas.event.Direction;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.schemas.topic.Topics;
import io.omega.sink.SinkSettings;
import io.omega.sink.TradeLoggerSink;
import io.omega.sink.decode.SinkTopic;
import io.omega.store.DecisionRow;
import io.omega.store.ExperienceKind;
import io.omega.store.ExperienceStore;
import io.omega.store.format.ParquetFormat;
import io.omega.testing.kafka.ConsumerGroups;
import io.omega.testing.kafka.KafkaBrokerExtension;
import io.omega.testing.kafka.KafkaTestBroker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code omega dlq replay} against the test broker and a running sink: valid decisions that were dead-lettered go
 * back to {@code omega.decisions} and into the files once each, whether they are already stored, dead-lettered
 * twice, or the replay is run twice; a dead letter that still does not decode stays where it is.
 */
@ExtendWith(KafkaBrokerExtension.class)
class DeadLetterReplayIT {

    @TempDir
    Path dir;

    @Test
    void republishesEachDeadLetteredEventOnceAndLeavesTheUndecodable(KafkaTestBroker kafka) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        assertThat(CliRun.of("topics", "create", "--bootstrap-servers", bootstrap).exit()).isZero();
        Instant since = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path data = dir.resolve("data");
        // The CLI's embedded registry and this one hand out the same ids (the catalogue is registered in order).
        OmegaSerdes serdes = new OmegaSerdes(new SchemaRegistryConfig(RegistryMode.EMBEDDED, "", true));
        Serializer<Decision> decisions = serdes.valueSerializer(Decision.class);
        byte[] a = decisions.serialize(Topics.DECISIONS.name(), decision(run + "-a"));
        byte[] b = decisions.serialize(Topics.DECISIONS.name(), decision(run + "-b"));
        byte[] c = decisions.serialize(Topics.DECISIONS.name(), decision(run + "-c"));
        byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);

        String group = "dlq-replay-" + run;
        ConsumerGroups.startAtEnd(bootstrap, group, SinkTopic.names());
        TradeLoggerSink sink = new TradeLoggerSink(new SinkSettings(data, new ParquetFormat(CompressionCodecName.ZSTD),
                bootstrap, "dlq-replay-sink", group, 1000, Duration.ofMillis(200), Duration.ofMinutes(60), 90,
                Duration.ofHours(1), ""), serdes, new SimpleMeterRegistry(), Clock.systemUTC());
        Thread thread = new Thread(sink, "sink-under-test");
        thread.start();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new ByteArraySerializer(), new ByteArraySerializer())) {
            // b reached the files; a and c were dead-lettered (a twice, as at-least-once allows), and one record
            // was garbage.
            producer.send(new ProducerRecord<>(Topics.DECISIONS.name(), key(), b)).get();
            await(() -> sink.stats().of(ExperienceKind.DECISIONS).totalLogged() == 1);
            long offset = 1000;
            for (byte[] value : List.of(a, b, c, a, garbage)) {
                producer.send(DeadLetterRecord.of(source(offset++, value), new SerializationException("registry down"))).get();
            }

            CliRun first = replay(bootstrap, data, since);
            assertThat(first.exit()).as(first.err()).isZero();
            assertThat(first.out()).isEqualTo("""
                    5 dead letter(s) of omega.decisions: 2 re-published to omega.decisions, 1 already in the experience \
                    files, 1 duplicate(s), 1 still undecodable
                      still undecodable: cannot decode a Decision from topic omega.decisions: not in the schema-registry \
                    wire format (8 bytes, first byte 0x6e) (record at omega.decisions partition 0, offset 1004)
                    """);
            await(() -> sink.stats().of(ExperienceKind.DECISIONS).totalLogged() == 3);
        } finally {
            sink.close();
            assertThat(sink.awaitStopped(Duration.ofSeconds(30))).isTrue();
        }
        List<String> ids = new ExperienceStore(data).load(ExperienceKind.DECISIONS, 2).requireComplete().rows().stream()
                .map(DecisionRow::id).filter(id -> id.startsWith(run)).sorted().toList();
        assertThat(ids).containsExactly(run + "-a", run + "-b", run + "-c");

        // Everything has landed: a second run re-publishes nothing.
        CliRun second = replay(bootstrap, data, since);
        assertThat(second.out()).startsWith("5 dead letter(s) of omega.decisions: 0 re-published to omega.decisions, "
                + "3 already in the experience files, 1 duplicate(s), 1 still undecodable\n");
    }

    private CliRun replay(String bootstrap, Path data, Instant since) throws Exception {
        Path config = dir.resolve("c.yaml");
        Files.writeString(config, """
                kafka:
                  bootstrap_servers: "%s"
                storage:
                  data_dir: "%s"
                """.formatted(bootstrap, data.toString().replace("\\", "/")));
        return CliRun.of("dlq", "replay", "--config", config.toString(), "--topic", "omega.decisions",
                "--since", since.toString());
    }

    private static Decision decision(String id) {
        return new Decision(id, Instant.now(), "BTC-USDT-SWAP", 100.0, Map.of("rsi", 50.0), Direction.LONG, 0.6,
                Map.of("LONG", 0.6, "SHORT", 0.3, "FLAT", 0.1), "cnn", "20250124_120000", false, false);
    }

    private static byte[] key() {
        return "BTC-USDT-SWAP".getBytes(StandardCharsets.UTF_8);
    }

    /** A record as the sink consumed it from partition 0 of omega.decisions. */
    private static ConsumerRecord<byte[], byte[]> source(long offset, byte[] value) {
        return new ConsumerRecord<>(Topics.DECISIONS.name(), 0, offset, System.currentTimeMillis(),
                TimestampType.CREATE_TIME, key().length, value.length, key(), value, new RecordHeaders(), Optional.empty());
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 60 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
