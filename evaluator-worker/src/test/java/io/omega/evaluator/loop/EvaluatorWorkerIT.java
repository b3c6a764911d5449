package io.omega.evaluator.loop;

import io.omega.config.OmegaConfig;
import io.omega.config.RegistryMode;
import io.omega.config.SchemaRegistryConfig;
import io.omega.evaluator.evaluate.ModelEvaluator;
import io.omega.learning.artifact.ModelArtifactStore;
import io.omega.learning.backtest.BacktestSettings;
import io.omega.learning.metrics.RecommendationThresholds;
import io.omega.schemas.dlq.DeadLetterRecord;
import io.omega.schemas.event.Evaluation;
import io.omega.schemas.event.EvaluationStatus;
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
import io.omega.testing.kafka.CommittedRecords;
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
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The evaluator on the real broker, driven by registry events, with real models on disk. */
@ExtendWith(KafkaBrokerExtension.class)
class EvaluatorWorkerIT {

    private static final Instant NOW = Instant.parse("2025-01-24T12:00:00Z");
    private static final OmegaSerdes SERDES = new OmegaSerdes(new SchemaRegistryConfig(RegistryMode.EMBEDDED, "", true));

    @TempDir
    Path dataDir;

    @Test
    void registeredModelsAreEvaluatedOnceEachBadOnesFailAndARestartRepeatsNothing(KafkaTestBroker kafka) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            new TopicInstaller(admin, 3, (short) 1, Duration.ofSeconds(30)).install(Topics.all());
        }
        SyntheticExperience.writeMinuteBars(dataDir, NOW.minusSeconds(60L * 800), 800, 5);
        String first = train(NOW.minusSeconds(7_200));
        String second = train(NOW.minusSeconds(3_600));
        String missing = "20250101_000000";

        event(bootstrap, RegistryEventType.REGISTERED, first);
        event(bootstrap, RegistryEventType.PROMOTED, first);
        event(bootstrap, RegistryEventType.REGISTERED, second);
        byte[] garbage = ("not an event " + EventIds.next()).getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap), new ByteArraySerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Topics.REGISTRY_EVENTS.name(), "cnn".getBytes(StandardCharsets.UTF_8),
                    garbage)).get();
        }
        event(bootstrap, RegistryEventType.REGISTERED, missing);

        EvaluatorSettings settings = new EvaluatorSettings(bootstrap, "it", "evaluator-it", 2, Duration.ofMinutes(5));
        EvaluatorWorker worker = start(settings);
        List<Evaluation> evaluations = evaluations(bootstrap, 3);
        worker.close();
        assertThat(worker.stats()).isEqualTo(new EvaluatorWorker.Stats(2, 1, 1));
        var metrics = new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);
        EvaluatorMetrics.bind(worker, metrics);
        assertThat(metrics.scrape()).contains("omega_evaluator_evaluations_total{status=\"completed\"} 2.0")
                .contains("omega_evaluator_evaluations_total{status=\"failed\"} 1.0")
                .contains("omega_evaluator_evaluations_total{status=\"dead_lettered\"} 1.0");

        assertThat(evaluations).extracting(Evaluation::getVersion).containsExactly(first, second, missing);
        Evaluation alone = evaluations.get(0);
        assertThat(alone.getStatus()).isEqualTo(EvaluationStatus.COMPLETED);
        assertThat(alone.getBaselineVersion()).isNull();
        assertThat(alone.getMetrics()).containsKeys("total_trades", "win_rate", "sharpe_ratio", "max_drawdown",
                "profit_factor", "deflated_sharpe");
        assertThat(alone.getRecommendation()).isNotNull();
        assertThat(alone.getChampionVersion()).as("no production model: the rules are the champion").isEqualTo("rules");
        assertThat(alone.getChampionMetrics()).containsKeys("total_trades", "sharpe_ratio");
        assertThat(alone.getComparison()).containsKeys("p_value", "mean_difference", "standard_error", "lags", "bars");
        assertThat(alone.getMetrics()).containsKey("edge_p_value").containsEntry("edge_trials", 1.0);
        assertThat(alone.getReportUri()).isEqualTo("reports/evaluation_cnn_" + first + ".md");
        assertThat(dataDir.resolve(alone.getReportUri())).isRegularFile();
        Evaluation compared = evaluations.get(1);
        assertThat(compared.getStatus()).isEqualTo(EvaluationStatus.COMPLETED);
        assertThat(compared.getBaselineVersion()).isEqualTo(first);
        assertThat(compared.getBaselineMetrics()).containsKey("sharpe_ratio");
        // The trials restart when production changes: second is the first candidate tried against first.
        assertThat(compared.getMetrics().get("candidates_tried")).isEqualTo(1.0);
        assertThat(compared.getMetrics().get("edge_trials")).isEqualTo(1.0);
        assertThat(compared.getChampionVersion()).isEqualTo(first);
        assertThat(compared.getChampionMetrics()).isEqualTo(compared.getBaselineMetrics());
        assertThat(compared.getDataFrom()).isEqualTo(alone.getDataFrom()); // same training data, same window
        Evaluation failed = evaluations.get(2);
        assertThat(failed.getStatus()).isEqualTo(EvaluationStatus.FAILED);
        assertThat(failed.getBaselineVersion()).isEqualTo(first);
        assertThat(failed.getError()).contains("cnn_" + missing);

        var letters = CommittedRecords.read(bootstrap, Topics.deadLetterTopic(Topics.REGISTRY_EVENTS.name()),
                r -> Arrays.equals(r.value(), garbage), 1, Duration.ofSeconds(1));
        assertThat(letters).hasSize(1);
        assertThat(DeadLetterRecord.header(letters.get(0).headers(), DeadLetterRecord.SOURCE_TOPIC))
                .contains(Topics.REGISTRY_EVENTS.name());

        // A new worker of the same group replays the log to rebuild its state, evaluates nothing again, and acts
        // on what arrives after the commit.
        EvaluatorWorker again = start(settings);
        String later = "20250102_000000";
        event(bootstrap, RegistryEventType.REGISTERED, later);
        List<Evaluation> all = evaluations(bootstrap, 4);
        again.close();
        assertThat(all).extracting(Evaluation::getVersion).containsExactly(first, second, missing, later);
        assertThat(all.get(3).getBaselineVersion()).as("production known from the replay").isEqualTo(first);
        assertThat(again.stats()).isEqualTo(new EvaluatorWorker.Stats(0, 1, 0));
    }

    private String train(Instant at) {
        return new DeepLearningCandidateTrainer(OmegaConfig.defaults().training(),
                new TrainingRows(new ExperienceStore(dataDir, Clock.fixed(NOW, ZoneOffset.UTC))),
                new ModelArtifactStore(dataDir, Clock.fixed(at, ZoneOffset.UTC)), dataDir, e -> { })
                .train(new TrainingJob("r", "cnn", 2, 1, 32, 20, 5, TargetType.DIRECTION, TrainingReason.MANUAL, "t"))
                .version();
    }

    private EvaluatorWorker start(EvaluatorSettings settings) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ModelEvaluator evaluator = new ModelEvaluator(new ExperienceStore(dataDir, clock),
                new ModelArtifactStore(dataDir, clock), BacktestSettings.DEFAULTS.withDecisionThreshold(0.5),
                RecommendationThresholds.DEFAULTS);
        EvaluatorWorker worker = EvaluatorWorker.create(settings, evaluator, dataDir, SERDES, clock);
        Thread thread = new Thread(worker, "evaluator-it");
        thread.setDaemon(true);
        thread.start();
        return worker;
    }

    private static void event(String bootstrap, RegistryEventType type, String version) throws Exception {
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new org.apache.kafka.common.serialization.StringSerializer(), SERDES.valueSerializer(SpecificRecord.class))) {
            producer.send(new ProducerRecord<>(Topics.REGISTRY_EVENTS.name(), "cnn", new RegistryEvent(EventIds.next(),
                    NOW, "c-" + version, type, "cnn", version, null, null, "it", null, null, Map.of(), Map.of(), null,
                    null))).get();
        }
    }

    private static List<Evaluation> evaluations(String bootstrap, int expected) {
        var decode = SERDES.valueDeserializer(Evaluation.class);
        return CommittedRecords.read(bootstrap, Topics.EVALUATIONS.name(), r -> true, expected, Duration.ofSeconds(2))
                .stream().map(r -> decode.deserialize(r.topic(), r.value())).toList();
    }
}
