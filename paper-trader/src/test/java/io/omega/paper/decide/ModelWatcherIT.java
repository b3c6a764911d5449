package io.omega.paper.decide;

import io.omega.config.OmegaConfig;
import io.omega.config.RegistryMode;
import io.omega.config.SchemaRegistryConfig;
import io.omega.learning.artifact.ModelArtifactStore;
import io.omega.schemas.event.RegistryEvent;
import io.omega.schemas.event.RegistryEventType;
import io.omega.schemas.event.TargetType;
import io.omega.schemas.event.TrainingReason;
import io.omega.schemas.id.EventIds;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.schemas.topic.TopicInstaller;
import io.omega.schemas.topic.Topics;
import io.omega.store.ExperienceStore;
import io.omega.testing.experience.SyntheticExperience;
import io.omega.testing.kafka.KafkaBrokerExtension;
import io.omega.testing.kafka.KafkaTestBroker;
import io.omega.trainer.dl4j.DeepLearningCandidateTrainer;
import io.omega.trainer.dl4j.TrainingRows;
import io.omega.trainer.job.TrainingJob;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine follows the registry: a promoted model is loaded and used, one that cannot be loaded is not, and a
 * rollback to no production model returns the engine to its rules.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ModelWatcherIT {

    private static final Instant NOW = Instant.parse("2025-01-24T12:00:00Z");
    private static final OmegaSerdes SERDES = new OmegaSerdes(new SchemaRegistryConfig(RegistryMode.EMBEDDED, "", true));

    @TempDir
    Path dataDir;

    @Test
    void promotedModelsAreHandedOverAndABrokenOneIsKeptOut(KafkaTestBroker kafka) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            new TopicInstaller(admin, 3, (short) 1, Duration.ofSeconds(30)).install(Topics.all());
        }
        SyntheticExperience.writeMinuteBars(dataDir, NOW.minusSeconds(60L * 400), 400, 4);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        String version = new DeepLearningCandidateTrainer(OmegaConfig.defaults().training(),
                new TrainingRows(new ExperienceStore(dataDir, clock)), new ModelArtifactStore(dataDir, clock), dataDir,
                e -> { }).train(new TrainingJob("r", "lstm", 2, 1, 32, 20, 5, TargetType.DIRECTION,
                TrainingReason.MANUAL, "t")).version();
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(),
                SERDES.valueSerializer(SpecificRecord.class))) {
            for (var e : List.of(event(RegistryEventType.REGISTERED, version),
                    event(RegistryEventType.PROMOTED, version), event(RegistryEventType.PROMOTED, "20250101_000000"),
                    event(RegistryEventType.ROLLED_BACK, null))) {
                producer.send(new ProducerRecord<>(Topics.REGISTRY_EVENTS.name(), "lstm", e)).get();
            }
        }

        List<String> production = new CopyOnWriteArrayList<>();
        List<String> candidates = new CopyOnWriteArrayList<>();
        try (ModelWatcher watcher = new ModelWatcher("lstm", new ModelArtifactStore(dataDir, clock), bootstrap,
                "watcher-it", SERDES, d -> production.add(d.version()), d -> candidates.add(d.version()),
                () -> production.add("rules"))) {
            watcher.start("model-watcher-it");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (production.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(watcher.loadFailures()).isEqualTo(1);
        }
        assertThat(candidates).containsExactly(version);
        // the broken version is kept out; a rollback with no earlier version goes back to the rules
        assertThat(production).containsExactly(version, "rules");
    }

    private static RegistryEvent event(RegistryEventType type, String version) {
        return new RegistryEvent(EventIds.next(), NOW, "c-" + type + version, type, "lstm", version, null, null, "it",
                null, null, Map.of(), Map.of(), null, null);
    }
}
