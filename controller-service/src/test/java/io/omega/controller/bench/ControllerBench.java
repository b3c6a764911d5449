package io.omega.controller.bench;

import io.omega.config.ConfigLoader;
import io.omega.config.OmegaConfig;
import io.omega.controller.ControllerService;
import io.omega.controller.monitor.LiveMonitor;
import io.omega.controller.monitor.MonitorSettings;
import io.omega.kafka.embedded.BrokerSettings;
import io.omega.kafka.embedded.EmbeddedKafkaBroker;
import io.omega.schemas.event.Evaluation;
import io.omega.schemas.event.EvaluationStatus;
import io.omega.schemas.event.ExitReason;
import io.omega.schemas.event.Outcome;
import io.omega.schemas.event.Recommendation;
import io.omega.schemas.event.RegistryCommand;
import io.omega.schemas.event.RegistryEvent;
import io.omega.schemas.event.RegistryEventType;
import io.omega.schemas.id.EventIds;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.schemas.topic.TopicInstaller;
import io.omega.schemas.topic.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The controller's two speed figures on the embedded broker, in one run:
 * <ol>
 *   <li>evaluation published → PROMOTE command readable (no manual approval), one at a time: p50, p99, max;</li>
 *   <li>outcomes per second the live monitor sustains: a backlog of outcomes produced up front, timed until the
 *       monitor's committed offsets reach its end.</li>
 * </ol>
 * Usage: {@code java -cp <controller-service test classpath> io.omega.controller.bench.ControllerBench
 * [evaluations=300] [outcomes=200000]}
 */
public final class ControllerBench {

    public static void main(String[] args) throws Exception {
        int evaluations = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int outcomes = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        Path dir = Files.createTempDirectory("omega-controller-bench");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerSettings.loopback(dir.resolve("kafka")))) {
            String bootstrap = broker.bootstrapServers();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                new TopicInstaller(admin, 3, (short) 1, Duration.ofSeconds(30)).install(Topics.all());
            }
            OmegaConfig config = ConfigLoader.parse("""
                    self_learning:
                      enable_self_learning: true
                      manual_approval_required: false
                    kafka:
                      bootstrap_servers: "%s"
                    dashboard:
                      port: 0
                    """.formatted(bootstrap), Map.of());
            OmegaSerdes serdes = new OmegaSerdes(config.schemaRegistry());
            gateLatency(config, serdes, dir, evaluations);
            monitorThroughput(config, serdes, dir, outcomes);
        }
    }

    private static void gateLatency(OmegaConfig config, OmegaSerdes serdes, Path dir, int n) throws Exception {
        Map<String, Long> received = new ConcurrentHashMap<>();
        List<Long> latencies = new ArrayList<>();
        try (ControllerService controller = new ControllerService(config, serdes, dir.resolve("controller"));
             KafkaConsumer<String, SpecificRecord> commands = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers(),
                     ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                     new StringDeserializer(), serdes.valueDeserializer(SpecificRecord.class));
             KafkaProducer<String, SpecificRecord> producer = producer(config, serdes)) {
            controller.start();
            while (!controller.isRunning()) {
                Thread.sleep(20);
            }
            TopicPartition partition = new TopicPartition(Topics.REGISTRY_COMMANDS.name(), 0);
            commands.assign(List.of(partition));
            commands.seekToEnd(List.of(partition));
            commands.position(partition);
            for (int i = 0; i < n + 20; i++) { // the first 20 warm up and are not counted
                String version = String.format("20250101_%06d", i);
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(Topics.EVALUATIONS.name(), "cnn", evaluation(version))).get();
                while (!received.containsKey(version)) {
                    commands.poll(Duration.ofMillis(5)).forEach(r -> {
                        if (r.value() instanceof RegistryCommand c) {
                            received.put(c.getVersion(), System.nanoTime());
                        }
                    });
                }
                if (i >= 20) {
                    latencies.add(received.get(version) - sent);
                }
            }
        }
        Collections.sort(latencies);
        System.out.printf("evaluation -> PROMOTE command, %d one at a time: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                latencies.size(), pct(latencies, 0.50), pct(latencies, 0.99), latencies.get(latencies.size() - 1) / 1e6);
    }

    private static void monitorThroughput(OmegaConfig config, OmegaSerdes serdes, Path dir, int n) throws Exception {
        String app = "bench-monitor";
        try (KafkaProducer<String, SpecificRecord> producer = producer(config, serdes)) {
            // Both types in production with known backtests: every outcome joins a stint and is judged at its looks.
            for (String type : List.of("cnn", "lstm")) {
                producer.send(new ProducerRecord<>(Topics.EVALUATIONS.name(), type, new Evaluation(EventIds.next(),
                        Instant.now(), type, "20250120_100000", null, EvaluationStatus.COMPLETED, null, null,
                        Map.of("win_rate", 50.0, "avg_profit", 1.0, "total_trades", 200.0), Map.of(), null, null,
                        null, null, Map.of(), Map.of()))).get();
                producer.send(new ProducerRecord<>(Topics.REGISTRY_EVENTS.name(), type, new RegistryEvent(
                        EventIds.next(), Instant.now(), "bench-" + type, RegistryEventType.PROMOTED, type,
                        "20250120_100000", null, null, "bench", null, null, Map.of(), Map.of(), null, null))).get();
            }
            for (int i = 0; i < n; i++) {
                producer.send(new ProducerRecord<>(Topics.OUTCOMES.name(), "SYM-" + (i % 16), new Outcome(EventIds.next(),
                        "t-" + i, Instant.now(), "SYM-" + (i % 16), 42_000.0, i % 3 == 0 ? -5.0 : 7.0,
                        i % 3 == 0 ? -0.05 : 0.07, 60_000L,
                        ExitReason.TP, i % 2 == 0 ? "cnn" : "lstm", "20250120_100000", false)));
            }
            producer.flush();
        }
        Map<TopicPartition, Long> ends;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers()));
             KafkaConsumer<String, String> probe = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers()),
                     new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = probe.partitionsFor(Topics.OUTCOMES.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            ends = probe.endOffsets(partitions);
            long total = ends.values().stream().mapToLong(Long::longValue).sum();
            long start = System.nanoTime();
            try (LiveMonitor monitor = new LiveMonitor(new MonitorSettings(50, 10.0, 30, 0.05, 500, 1_000.0, true), serdes,
                    config.kafka().bootstrapServers(), app, dir.resolve("monitor"))) {
                monitor.start();
                while (true) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(app)
                            .partitionsToOffsetAndMetadata().get();
                    long done = ends.keySet().stream().map(committed::get)
                            .mapToLong(o -> o == null ? 0 : o.offset()).sum();
                    if (done >= total) {
                        break;
                    }
                    Thread.sleep(50);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("live monitor: %d outcomes (backlog, 3 partitions, repartitioned by model type, "
                        + "exactly once) in %.1f s from start: %.0f outcomes/s%n", total, seconds, total / seconds);
            }
        }
    }

    private static KafkaProducer<String, SpecificRecord> producer(OmegaConfig config, OmegaSerdes serdes) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 0, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new StringSerializer(), serdes.valueSerializer(SpecificRecord.class));
    }

    private static Evaluation evaluation(String version) {
        return new Evaluation(EventIds.next(), Instant.now(), "cnn", version, null, EvaluationStatus.COMPLETED, null,
                null, Map.of("edge_p_value", 0.001, "edge_trials", 3.0, "total_trades", 45.0, "win_rate", 60.0, "sharpe_ratio", 1.5, "max_drawdown", 8.0),
                Map.of(), Recommendation.PROMOTE, null, null, "rules", Map.of("sharpe_ratio", 0.2), Map.of("p_value", 0.001, "mean_difference", 1.0e-4));
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }

}
