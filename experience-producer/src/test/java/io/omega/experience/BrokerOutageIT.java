package io.omega.experience;

import io.omega.config.RegistryMode;
import io.omega.config.SchemaRegistryConfig;
import io.omega.experience.publish.CloseReport;
import io.omega.experience.publish.PublisherStats;
import io.omega.kafka.embedded.BrokerSettings;
import io.omega.kafka.embedded.EmbeddedKafkaBroker;
import io.omega.schemas.event.Decision;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.schemas.topic.TopicInstaller;
import io.omega.schemas.topic.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker goes away while the engine keeps recording. This test stops and restarts a broker, so it runs its
 * own rather than the shared one the other tests use.
 */
class BrokerOutageIT {

    private static final String SYMBOL = "BTC-USDT-SWAP";

    @TempDir
    Path dir;

    private EmbeddedKafkaBroker broker;
    private final OmegaSerdes serdes = new OmegaSerdes(new SchemaRegistryConfig(RegistryMode.EMBEDDED, "", true));

    @BeforeEach
    void startBroker() {
        broker = EmbeddedKafkaBroker.start(BrokerSettings.loopback(dir.resolve("kafka")));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            new TopicInstaller(admin, 3, (short) 1, Duration.ofSeconds(30)).install(Topics.recordTopics());
        }
    }

    @AfterEach
    void stopBroker() {
        broker.close();
    }

    @Test
    void eventsRecordedWhileTheBrokerIsDownArriveOnceWhenItReturns() {
        ExperienceRecorder recorder = recorder(10_000, 1_000);
        recordAndAwaitDelivery(recorder);

        broker.stop();
        for (int i = 0; i < 1000; i++) {
            recorder.recordDecision(SYMBOL, Map.of("seq", (double) i), Samples.decision(100.0 + i));
        }
        PublisherStats during = recorder.stats().publisher();
        assertThat(during.delivered()).isEqualTo(1);
        assertThat(during.dropped()).isZero();

        broker.start();
        awaitTrue(() -> recorder.stats().publisher().delivered() == 1001, Duration.ofSeconds(60));
        CloseReport report = recorder.close(Duration.ofSeconds(30));

        assertThat(report).isEqualTo(new CloseReport(1001, 0, 0, 0));
        List<ConsumerRecord<String, Decision>> arrived = readAll(1001);
        assertThat(arrived).hasSize(1001);
        assertThat(arrived.stream().map(r -> r.value().getId()).distinct()).hasSize(1001);
        // One key, one partition: the outage must not reorder anything.
        List<Double> prices = arrived.stream().map(r -> r.value().getPrice()).toList();
        assertThat(prices).isSorted();
    }

    @Test
    void aFullQueueDropsExactlyTheOverflowAndCountsIt() {
        ExperienceRecorder recorder = recorder(100, 50);
        recordAndAwaitDelivery(recorder);

        broker.stop();
        for (int i = 0; i < 1000; i++) {
            recorder.recordDecision(SYMBOL, Map.of("seq", (double) i), Samples.decision(100.0 + i));
        }
        // The publisher enforces the bound as it drains; give it a moment to see all 1,000.
        awaitTrue(() -> recorder.stats().publisher().dropped() == 900, Duration.ofSeconds(10));
        assertThat(recorder.stats().publisher().dropped()).isEqualTo(900);

        broker.start();
        awaitTrue(() -> recorder.stats().publisher().delivered() == 101, Duration.ofSeconds(60));
        CloseReport report = recorder.close(Duration.ofSeconds(30));

        assertThat(report).isEqualTo(new CloseReport(101, 900, 0, 0));
        assertThat(readAll(101)).hasSize(101);
    }

    @Test
    void closingDuringAnOutageSaysWhatCouldNotBeDelivered() {
        ExperienceRecorder recorder = recorder(10_000, 1_000);
        recordAndAwaitDelivery(recorder);
        broker.stop();
        for (int i = 0; i < 250; i++) {
            recorder.recordDecision(SYMBOL, Map.of(), Samples.decision(100.0));
        }

        CloseReport report = recorder.close(Duration.ofSeconds(2));

        assertThat(report).isEqualTo(new CloseReport(1, 0, 0, 250));
        assertThat(report.complete()).isFalse();
    }

    private ExperienceRecorder recorder(int capacity, int maxInFlight) {
        return ExperienceRecorder.create(Samples.kafka(broker.bootstrapServers(), capacity, maxInFlight), 1000,
                serdes.valueSerializer(SpecificRecord.class), Clock.systemUTC());
    }

    /** One delivered event first, so the producer knows the topic's partitions before the broker goes. */
    private static void recordAndAwaitDelivery(ExperienceRecorder recorder) {
        recorder.recordDecision(SYMBOL, Map.of("seq", -1.0), Samples.decision(99.0));
        awaitTrue(() -> recorder.stats().publisher().delivered() == 1, Duration.ofSeconds(30));
    }

    private List<ConsumerRecord<String, Decision>> readAll(int expected) {
        return TopicReader.read(broker.bootstrapServers(), serdes, Topics.DECISIONS.name(), Decision.class,
                SYMBOL::equals, expected, Duration.ofSeconds(2));
    }

    private static void awaitTrue(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return; // the assertion that follows reports the state
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
