package io.omega.experience;

import io.omega.config.RegistryMode;
import io.omega.config.SchemaRegistryConfig;
import io.omega.experience.publish.CloseReport;
import io.omega.schemas.event.Decision;
import io.omega.schemas.event.Execution;
import io.omega.schemas.event.Outcome;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.schemas.topic.TopicInstaller;
import io.omega.schemas.topic.Topics;
import io.omega.testing.kafka.KafkaBrokerExtension;
import io.omega.testing.kafka.KafkaTestBroker;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.function.ToLongFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(KafkaBrokerExtension.class)
class ExperienceRecorderIT {

    private static final int THREADS = 4;
    private static final int PER_THREAD = 25_000;

    private final String bootstrap;
    private final OmegaSerdes serdes = new OmegaSerdes(new SchemaRegistryConfig(RegistryMode.EMBEDDED, "", true));

    ExperienceRecorderIT(KafkaTestBroker kafka) {
        this.bootstrap = kafka.bootstrapServers();
    }

    @BeforeAll
    static void installTopics(KafkaTestBroker kafka) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            new TopicInstaller(admin, 3, (short) 1, Duration.ofSeconds(30)).install(Topics.all());
        }
    }

    @Test
    void everyEventFromFourThreadsArrivesExactlyOnceInOrderPerKey() throws Exception {
        String run = "run" + UUID.randomUUID().toString().substring(0, 8);
        ExperienceRecorder recorder = ExperienceRecorder.create(Samples.kafka(bootstrap, 200_000, 16_384), 10_000,
                serdes.valueSerializer(SpecificRecord.class), Clock.systemUTC());
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < PER_THREAD; i++) {
                    // Five symbols per thread; the sequence number rides in a field so order can be checked.
                    String symbol = run + "-T" + thread + "-S" + (i % 5);
                    switch (i % 3) {
                        case 0 -> recorder.recordDecision(symbol, Map.of("seq", (double) i), Samples.decision(100.0));
                        case 1 -> recorder.recordExecution(Samples.opened(symbol + "#" + i, symbol, i + 1));
                        default -> recorder.recordOutcome(Samples.closed(symbol + "#" + i, symbol, i));
                    }
                }
            });
            worker.start();
            threads.add(worker);
        }
        start.countDown();
        for (Thread worker : threads) {
            worker.join();
        }
        CloseReport report = recorder.close(Duration.ofSeconds(60));

        int total = THREADS * PER_THREAD;
        assertThat(report.delivered()).isEqualTo(total);
        assertThat(report.dropped()).isZero();
        assertThat(report.failed()).isZero();
        assertThat(report.undelivered()).isZero();

        int decisions = THREADS * countOf(0);
        int executions = THREADS * countOf(1);
        int outcomes = THREADS * countOf(2);
        assertThat(decisions + executions + outcomes).isEqualTo(total);

        List<ConsumerRecord<String, Decision>> d = TopicReader.read(bootstrap, serdes, Topics.DECISIONS.name(),
                Decision.class, k -> k.startsWith(run), decisions, Duration.ofSeconds(2));
        List<ConsumerRecord<String, Execution>> e = TopicReader.read(bootstrap, serdes, Topics.EXECUTIONS.name(),
                Execution.class, k -> k.startsWith(run), executions, Duration.ofSeconds(2));
        List<ConsumerRecord<String, Outcome>> o = TopicReader.read(bootstrap, serdes, Topics.OUTCOMES.name(),
                Outcome.class, k -> k.startsWith(run), outcomes, Duration.ofSeconds(2));

        assertThat(d).hasSize(decisions);
        assertThat(e).hasSize(executions);
        assertThat(o).hasSize(outcomes);
        Set<String> ids = new HashSet<>();
        d.forEach(r -> ids.add(r.value().getId()));
        e.forEach(r -> ids.add(r.value().getId()));
        o.forEach(r -> ids.add(r.value().getId()));
        assertThat(ids).hasSize(total);

        assertInOrderPerKey(d, r -> r.value().getMarketFeatures().get("seq").longValue());
        assertInOrderPerKey(e, r -> seqOf(r.value().getTradeId()));
        assertInOrderPerKey(o, r -> seqOf(r.value().getTradeId()));
        assertThat(d.get(0).value().getSymbol()).isEqualTo(d.get(0).key());
    }

    @Test
    void keepsTheMostRecentExperiencesForInProcessReaders() {
        ExperienceRecorder recorder = ExperienceRecorder.create(Samples.kafka(bootstrap, 1000, 100), 3,
                serdes.valueSerializer(SpecificRecord.class), Clock.systemUTC());
        String symbol = "recent-" + UUID.randomUUID();
        String first = recorder.recordDecision(symbol, Map.of("rsi", 40.0), Samples.decision(100.0));
        recorder.recordExecution(Samples.opened("t1", symbol, 1.0));
        recorder.recordOutcome(Samples.closed("t1", symbol, 2.5));
        recorder.recordDecision(symbol, Map.of("rsi", 41.0), Samples.decision(101.0));

        List<SpecificRecord> recent = recorder.recent(10);
        assertThat(recent).hasSize(3);
        assertThat(recent.get(0)).isInstanceOf(Execution.class);
        assertThat(recent.get(1)).isInstanceOf(Outcome.class);
        assertThat(((Decision) recent.get(2)).getPrice()).isEqualTo(101.0);
        assertThat(first).hasSize(36);
        ExperienceStats stats = recorder.stats();
        assertThat(stats.decisions()).isEqualTo(2);
        assertThat(stats.executions()).isEqualTo(1);
        assertThat(stats.outcomes()).isEqualTo(1);
        assertThat(stats.buffered()).isEqualTo(3);
        assertThat(recorder.close(Duration.ofSeconds(30)).delivered()).isEqualTo(4);
    }

    @Test
    void refusesBadArgumentsOnTheCallersThreadNamingThem() {
        ExperienceRecorder recorder = ExperienceRecorder.create(Samples.kafka(bootstrap, 10, 10), 10,
                serdes.valueSerializer(SpecificRecord.class), Clock.systemUTC());
        try {
            assertThatThrownBy(() -> Samples.decision(Double.NaN))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("price must be a positive finite number, got NaN");
            assertThatThrownBy(() -> recorder.recordDecision(null, Map.of(), Samples.decision(1.0)))
                    .isInstanceOf(NullPointerException.class).hasMessage("symbol");
            assertThatThrownBy(() -> Samples.opened("t", "S", -1.0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("size must be a positive finite number, got -1.0");
            assertThat(recorder.stats().recorded()).isZero();
        } finally {
            recorder.close(Duration.ofSeconds(5));
        }
    }

    private static int countOf(int kind) {
        int n = 0;
        for (int i = 0; i < PER_THREAD; i++) {
            if (i % 3 == kind) {
                n++;
            }
        }
        return n;
    }

    private static long seqOf(String tradeId) {
        return Long.parseLong(tradeId.substring(tradeId.indexOf('#') + 1));
    }

    private static <T> void assertInOrderPerKey(List<ConsumerRecord<String, T>> records,
                                                ToLongFunction<ConsumerRecord<String, T>> seq) {
        Map<String, Long> last = new HashMap<>();
        for (ConsumerRecord<String, T> r : records) {
            long s = seq.applyAsLong(r);
            Long previous = last.put(r.key(), s);
            if (previous != null) {
                assertThat(s).as("order of key %s", r.key()).isGreaterThan(previous);
            }
        }
        assertThat(last).hasSize(THREADS * 5);
    }
}
