package io.omega.sink.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omega.config.RegistryMode;
import io.omega.config.SchemaRegistryConfig;
import io.omega.kafka.embedded.BrokerSettings;
import io.omega.kafka.embedded.EmbeddedKafkaBroker;
import io.omega.schemas.event.Decision;
import io.omega.schemas.event.Direction;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.schemas.topic.TopicInstaller;
import io.omega.schemas.topic.Topics;
import io.omega.sink.SinkSettings;
import io.omega.sink.TradeLoggerSink;
import io.omega.sink.decode.RowMapper;
import io.omega.store.DecisionRow;
import io.omega.store.ExperienceKind;
import io.omega.store.format.AtomicFiles;
import io.omega.store.format.ParquetFormat;
import io.omega.testing.registry.ApicurioRegistryProcess;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Sink throughput, Kafka to Parquet, beside a raw parquet-avro writer writing the same records in the same run.
 * Both write files of the same size (one per {@code flushRecords} rows of a partition) with the same settings
 * (zstd, fsync, atomic rename); the raw writer gets its Avro records ready-made in memory, the sink has to fetch,
 * decode and map them first. Rounds alternate the two sides; the ratio is taken per round and its median reported.
 *
 * <pre>java -Domega.test.registry.dir=target/apicurio-registry -cp "$(cat cp.txt):target/classes:target/test-classes" \
 *     io.omega.sink.bench.SinkThroughputBench [records] [rounds] [flushRecords] [url|embedded]</pre>
 */
public final class SinkThroughputBench {

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int flushRecords = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        boolean registryAtUrl = args.length <= 3 || !"embedded".equals(args[3]);
        Path work = Files.createTempDirectory("sink-bench-");
        // A deployed sink decodes through a registry at a URL: the real Apicurio Registry, as in the crash test
        // (needs -Domega.test.registry.dir=target/apicurio-registry). "embedded" uses the in-memory registry.
        ApicurioRegistryProcess registry = registryAtUrl ? ApicurioRegistryProcess.start() : null;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerSettings.loopback(work.resolve("kafka")))) {
            String bootstrap = broker.bootstrapServers();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                new TopicInstaller(admin, 3, (short) 1, Duration.ofSeconds(30)).install(Topics.all());
            }
            OmegaSerdes serdes = new OmegaSerdes(registryAtUrl
                    ? new SchemaRegistryConfig(RegistryMode.URL, registry.registryApiUrl(), true)
                    : new SchemaRegistryConfig(RegistryMode.EMBEDDED, "", true));
            List<Decision> decisions = decisions(records);
            produce(bootstrap, serdes, decisions);
            // The raw side's input: the rows the sink will write, as Avro records, 3 partitions as on the topic.
            List<List<GenericRecord>> perPartition = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (int i = 0; i < decisions.size(); i++) {
                int partition = i % 3;
                DecisionRow row = (DecisionRow) RowMapper.toRow(decisions.get(i), partition, i / 3);
                perPartition.get(partition).add(ExperienceKind.DECISIONS.codec().toAvro(row));
            }
            ParquetFormat parquet = new ParquetFormat(CompressionCodecName.ZSTD);
            List<Double> ratios = new ArrayList<>();
            System.out.printf("records %,d, flush_records %,d, zstd, %d rounds, schema registry %s%n", records,
                    flushRecords, rounds, registryAtUrl ? "Apicurio at a URL" : "embedded");
            System.out.println("| round | raw parquet-avro (rows/s) | sink Kafka -> Parquet (rows/s) | ratio | sink after its first file (rows/s) | ratio | sink's first file after (ms) | raw rows per CPU-s | sink rows per CPU-s (JVM incl. broker) |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            List<Double> steadyRatios = new ArrayList<>();
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            for (int round = 1; round <= rounds; round++) {
                long cpu0 = os.getProcessCpuTime();
                double raw = raw(parquet, perPartition, flushRecords, work.resolve("raw-" + round));
                long cpu1 = os.getProcessCpuTime();
                SinkRun sink = sink(bootstrap, serdes, parquet, records, flushRecords, work.resolve("sink-" + round), round);
                long cpu2 = os.getProcessCpuTime();
                ratios.add(sink.overall() / raw);
                steadyRatios.add(sink.steady() / raw);
                System.out.printf("| %d | %,.0f | %,.0f | %.1f %% | %,.0f | %.1f %% | %d | %,.0f | %,.0f |%n", round, raw,
                        sink.overall(), 100 * sink.overall() / raw, sink.steady(), 100 * sink.steady() / raw,
                        sink.firstFileMillis(), records / ((cpu1 - cpu0) / 1e9), records / ((cpu2 - cpu1) / 1e9));
                deleteTree(work.resolve("raw-" + round));
                deleteTree(work.resolve("sink-" + round));
            }
            ratios.sort(Comparator.naturalOrder());
            steadyRatios.sort(Comparator.naturalOrder());
            System.out.printf("median ratio %.1f %% from start, %.1f %% after the first file%n",
                    100 * ratios.get(ratios.size() / 2), 100 * steadyRatios.get(steadyRatios.size() / 2));
        } finally {
            if (registry != null) {
                registry.close();
            }
            deleteTree(work);
        }
    }

    private static double raw(ParquetFormat parquet, List<List<GenericRecord>> perPartition, int flushRecords,
                              Path dir) throws Exception {
        Files.createDirectories(dir);
        long rows = 0;
        long start = System.nanoTime();
        for (int p = 0; p < perPartition.size(); p++) {
            List<GenericRecord> all = perPartition.get(p);
            for (int from = 0; from < all.size(); from += flushRecords) {
                List<GenericRecord> chunk = all.subList(from, Math.min(all.size(), from + flushRecords));
                AtomicFiles.write(dir.resolve("part-" + p + "-" + from + ".parquet"), temp -> {
                    try (ParquetWriter<GenericRecord> writer = parquet.openAvroWriter(ExperienceKind.DECISIONS, temp, Map.of())) {
                        for (GenericRecord r : chunk) {
                            writer.write(r);
                        }
                    }
                });
                rows += chunk.size();
            }
        }
        return rows / ((System.nanoTime() - start) / 1e9);
    }

    private static SinkRun sink(String bootstrap, OmegaSerdes serdes, ParquetFormat parquet, int records, int flushRecords,
                               Path dir, int round) throws Exception {
        SinkSettings settings = new SinkSettings(dir, parquet, bootstrap, "bench-sink", "bench-" + round + "-" + System.nanoTime(),
                flushRecords, Duration.ofSeconds(1), Duration.ofMinutes(60), 3650, Duration.ofDays(1), "");
        TradeLoggerSink sink = new TradeLoggerSink(settings, serdes, new SimpleMeterRegistry(), Clock.systemUTC());
        Map<String, Long> cpuBefore = cpuByThreadGroup();
        long start = System.nanoTime();
        Thread thread = new Thread(sink, "bench-sink");
        thread.start();
        long firstLogged = 0;
        long firstAt = 0;
        long logged;
        while ((logged = sink.stats().of(ExperienceKind.DECISIONS).totalLogged()) < records) {
            if (firstAt == 0 && logged > 0) {
                firstAt = System.nanoTime();
                firstLogged = logged;
            }
            Thread.sleep(1);
        }
        long end = System.nanoTime();
        Map<String, Long> cpuAfter = cpuByThreadGroup();
        StringBuilder cpu = new StringBuilder("    CPU ms during the sink's run (" + (end - start) / 1_000_000 + " ms wall):");
        cpuAfter.forEach((group, nanos) -> cpu.append(' ').append(group).append('=')
                .append((nanos - cpuBefore.getOrDefault(group, 0L)) / 1_000_000));
        System.out.println(cpu);
        sink.close();
        thread.join();
        return new SinkRun(records / ((end - start) / 1e9), (records - firstLogged) / ((end - firstAt) / 1e9),
                (firstAt - start) / 1_000_000);
    }

    /** CPU time of this JVM's threads by group (sink writers, the sink's consumer, the broker, other). */
    private static Map<String, Long> cpuByThreadGroup() {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, Long> out = new java.util.TreeMap<>();
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            String name = info.getThreadName();
            String group = name.startsWith("omega-sink-writer") ? "writers" : name.startsWith("bench-sink") ? "consumer"
                    : name.startsWith("data-plane") || name.startsWith("kafka") || name.startsWith("group-coordinator")
                    || name.startsWith("quorum") || name.startsWith("raft") ? "broker" : "other-java";
            long t = threads.getThreadCpuTime(info.getThreadId());
            if (t > 0) {
                out.merge(group, t, Long::sum);
            }
        }
        return out;
    }

    /**
     * Rows per second from start (the consumer joining its group, fetching, the first file published) to the last
     * row logged, rows per second once the first file is out (the steady rate), and the time to that first file.
     */
    private record SinkRun(double overall, double steady, long firstFileMillis) {
    }

    private static List<Decision> decisions(int n) {
        String[] symbols = {"BTC-USDT-SWAP", "ETH-USDT-SWAP", "SOL-USDT-SWAP"};
        Instant base = Instant.now().minus(Duration.ofHours(1));
        List<Decision> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double price = 40_000 + (i % 1000);
            out.add(new Decision("d-" + i + "-" + Long.toHexString(i * 2654435761L), base.plusMillis(i),
                    symbols[i % 3], price, Map.of("rsi", 30.0 + i % 40, "close", price, "volume", 1000.0 + i % 77,
                    "ema_fast", price * 0.999, "ema_slow", price * 0.998), Direction.values()[i % 3], 0.6,
                    Map.of("LONG", 0.6, "SHORT", 0.3, "FLAT", 0.1), "cnn", "20250124_120000", i % 4 == 0, false));
        }
        return out;
    }

    /** Same partition for record i as the raw side uses: partition i % 3. */
    private static void produce(String bootstrap, OmegaSerdes serdes, List<Decision> decisions) throws Exception {
        Serializer<Decision> serializer = serdes.valueSerializer(Decision.class);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4", ProducerConfig.BATCH_SIZE_CONFIG, 262_144),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < decisions.size(); i++) {
                Decision d = decisions.get(i);
                producer.send(new ProducerRecord<>(Topics.DECISIONS.name(), i % 3, null,
                        d.getSymbol().getBytes(StandardCharsets.UTF_8), serializer.serialize(Topics.DECISIONS.name(), d)));
            }
            producer.flush();
        }
    }

    static void deleteTree(Path root) throws Exception {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
