package io.omega.bench.experience;

import io.omega.bench.BenchKafka;
import io.omega.config.ConfigLoader;
import io.omega.config.KafkaConfig;
import io.omega.config.RegistryMode;
import io.omega.config.SchemaRegistryConfig;
import io.omega.experience.AiDecision;
import io.omega.experience.ExperienceRecorder;
import io.omega.schemas.event.Decision;
import io.omega.schemas.event.Direction;
import io.omega.schemas.id.EventIds;
import io.omega.experience.publish.ProducerProperties;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.schemas.topic.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.tools.ProducerPerformance;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Experience publishing against Kafka's own {@code ProducerPerformance}, side by side on one embedded broker in
 * one run: same record size, same producer settings (idempotent, acks=all, compression, linger, batch size),
 * rounds alternating so that machine noise hits both alike, after one uncounted warm-up round each. Prints each round, the medians and the ratio.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.omega.bench.experience.ProducerThroughputBench
 * [records=1000000] [rounds=5] [compression=lz4]}
 */
public final class ProducerThroughputBench {

    private static final int RECORD_SIZE = 200;
    private static final long MAX_WAITING = 32L * 1024 * 1024 / RECORD_SIZE;
    private static final Pattern RATE = Pattern.compile("records sent, ([0-9.]+) records/sec");

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String compression = args.length > 2 ? args[2] : "lz4";
        try (BenchKafka kafka = new BenchKafka(3)) {
            kafka.createTopic("bench.producer-performance", 3);
            KafkaConfig config = ConfigLoader.parse("""
                    kafka:
                      bootstrap_servers: "%s"
                      producer:
                        publish_queue_capacity: %d
                        compression_type: %s
                    """.formatted(kafka.bootstrapServers(), records, compression), Map.of()).kafka();
            OmegaSerdes serdes = new OmegaSerdes(new SchemaRegistryConfig(RegistryMode.EMBEDDED, "", true));
            Map<String, Double> features = featuresForSize(serdes.valueSerializer(SpecificRecord.class));

            // The same Decision values, encoded once up front, for a plain producer: Kafka's cost for exactly our
            // bytes (keys, sizes, compressibility), without building or encoding records.
            byte[][] encoded = encodeDecisions(serdes.valueSerializer(SpecificRecord.class), features, records);

            // One uncounted round each, so that neither side is measured while the JIT is still compiling it.
            producerPerformance(kafka.bootstrapServers(), records, config);
            plainProducer(kafka.bootstrapServers(), config, encoded);
            recorder(config, serdes, features, records);
            List<Double> ours = new ArrayList<>();
            List<Double> theirs = new ArrayList<>();
            List<Double> plain = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            List<Double> plainRatios = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                double pp = producerPerformance(kafka.bootstrapServers(), records, config);
                double same = plainProducer(kafka.bootstrapServers(), config, encoded);
                double rec = recorder(config, serdes, features, records);
                theirs.add(pp);
                plain.add(same);
                ours.add(rec);
                ratios.add(rec / pp);
                plainRatios.add(rec / same);
                System.out.printf("round %d: ProducerPerformance %.0f rec/s, plain producer (same bytes) %.0f rec/s, "
                        + "ExperienceRecorder %.0f rec/s (%.1f %% of PP, %.1f %% of plain)%n",
                        round, pp, same, rec, 100 * rec / pp, 100 * rec / same);
            }
            System.out.printf("median of %d rounds, %d records of %d bytes, %s: ProducerPerformance %.0f rec/s, "
                            + "plain producer %.0f rec/s, ExperienceRecorder %.0f rec/s; median per-round ratio "
                            + "%.1f %% of ProducerPerformance, %.1f %% of the plain producer%n", rounds, records,
                    RECORD_SIZE, compression, median(theirs), median(plain), median(ours), 100 * median(ratios),
                    100 * median(plainRatios));
        }
    }

    /** Decisions as the recorder would build them, one distinct id each, encoded with the registry serializer. */
    private static byte[][] encodeDecisions(Serializer<SpecificRecord> serializer, Map<String, Double> features,
                                            int records) {
        byte[][] out = new byte[records][];
        long now = System.currentTimeMillis();
        for (int i = 0; i < records; i++) {
            Decision d = new Decision(EventIds.next(now + i), Instant.ofEpochMilli(now + i), "SYM-" + (i % 16),
                    42_000.0, features, Direction.LONG, 0.62, Map.of("LONG", 0.62, "SHORT", 0.18, "FLAT", 0.2),
                    "cnn", "20250124_120000", false, false);
            out[i] = serializer.serialize(Topics.DECISIONS.name(), d);
        }
        return out;
    }

    /** A plain producer with the recorder's settings sending prebuilt bytes, blocking as ProducerPerformance does. */
    private static double plainProducer(String bootstrap, KafkaConfig config, byte[][] values) throws Exception {
        Map<String, Object> props = new HashMap<>(ProducerProperties.forExperiences(config, "bench-plain"));
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000);
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            var failed = new java.util.concurrent.atomic.AtomicLong();
            for (int i = 0; i < values.length; i++) {
                producer.send(new ProducerRecord<>(Topics.DECISIONS.name(), "SYM-" + (i % 16), values[i]),
                        (m, e) -> {
                            if (e != null) {
                                failed.incrementAndGet();
                            }
                        });
            }
            producer.flush();
            if (failed.get() > 0) {
                throw new IllegalStateException(failed.get() + " plain sends failed");
            }
        }
        return values.length / ((System.nanoTime() - start) / 1e9);
    }

    /** From the first call to the last acknowledgement. */
    private static double recorder(KafkaConfig config, OmegaSerdes serdes, Map<String, Double> features, int records) {
        AiDecision decision = new AiDecision(Direction.LONG, 0.62, Map.of("LONG", 0.62, "SHORT", 0.18, "FLAT", 0.2),
                "cnn", "20250124_120000", 42_000.0, false);
        ExperienceRecorder recorder = ExperienceRecorder.create(config, 10_000,
                serdes.valueSerializer(SpecificRecord.class), Clock.systemUTC());
        long start = System.nanoTime();
        for (int i = 0; i < records; i++) {
            recorder.recordDecision("SYM-" + (i % 16), features, decision);
            // ProducerPerformance's send() blocks once buffer.memory (32 MiB, ~160k of these records) is full;
            // hold this caller back the same way, so neither side measures a heap full of waiting records.
            if ((i & 1023) == 0) {
                while (recorder.stats().publisher().waiting() > MAX_WAITING) {
                    sleepBriefly();
                }
            }
        }
        while (recorder.stats().publisher().delivered() + recorder.stats().publisher().failed() < records) {
            sleepBriefly();
        }
        long elapsed = System.nanoTime() - start;
        var report = recorder.close(Duration.ofSeconds(30));
        if (report.delivered() != records) {
            throw new IllegalStateException("expected " + records + " delivered, got " + report);
        }
        return records / (elapsed / 1e9);
    }

    /**
     * Waits off the CPU, as ProducerPerformance's blocked send() and close() do: on 2 cores a spinning caller
     * would take a whole core from the publisher, the producer's sender and the broker.
     */
    private static void sleepBriefly() {
        LockSupport.parkNanos(100_000);
    }

    private static double producerPerformance(String bootstrap, int records, KafkaConfig config) throws Exception {
        var p = config.producer();
        String[] args = {"--topic", "bench.producer-performance", "--num-records", String.valueOf(records),
            "--record-size", String.valueOf(RECORD_SIZE), "--throughput", "-1", "--producer-props",
            "bootstrap.servers=" + bootstrap, "acks=all", "enable.idempotence=true",
            "compression.type=" + p.compressionType().kafkaName(), "linger.ms=" + p.lingerMs(),
            "batch.size=" + p.batchSizeBytes()};
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ProducerPerformance.main(args);
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        Matcher last = null;
        Matcher m = RATE.matcher(output);
        double rate = -1;
        while (m.find()) {
            last = m;
            rate = Double.parseDouble(last.group(1));
        }
        if (rate < 0) {
            throw new IllegalStateException("no rate in ProducerPerformance output:\n" + output);
        }
        return rate; // the last line is the whole run's summary
    }

    /** Features whose serialized Decision value is the same size as ProducerPerformance's records. */
    private static Map<String, Double> featuresForSize(Serializer<SpecificRecord> serializer) {
        Map<String, Double> features = new HashMap<>();
        for (int i = 0; ; i++) {
            Decision sample = new Decision("0190a3c2-7b1e-7a00-8000-000000000000", Instant.now(), "SYM-1", 42_000.0,
                    features, Direction.LONG, 0.62, Map.of("LONG", 0.62, "SHORT", 0.18, "FLAT", 0.2), "cnn",
                    "20250124_120000", false, false);
            int size = serializer.serialize(Topics.DECISIONS.name(), sample).length;
            if (size >= RECORD_SIZE) {
                System.out.printf("Decision value: %d bytes with %d features%n", size, features.size());
                return Map.copyOf(features);
            }
            features.put("f" + i, i * 1.5);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
