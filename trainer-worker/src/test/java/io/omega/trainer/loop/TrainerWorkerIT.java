package io.omega.trainer.loop;

import io.omega.config.RegistryMode;
import io.omega.config.SchemaRegistryConfig;
import io.omega.schemas.dlq.DeadLetterRecord;
import io.omega.schemas.event.RegistryCommand;
import io.omega.schemas.event.RegistryCommandType;
import io.omega.schemas.event.TargetType;
import io.omega.schemas.event.TrainingReason;
import io.omega.schemas.event.TrainingRequest;
import io.omega.schemas.event.TrainingResult;
import io.omega.schemas.event.TrainingStatus;
import io.omega.schemas.id.EventIds;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.schemas.topic.TopicInstaller;
import io.omega.schemas.topic.Topics;
import io.omega.service.Health;
import io.omega.service.LoopService;
import io.omega.testing.kafka.CommittedRecords;
import io.omega.testing.kafka.KafkaBrokerExtension;
import io.omega.testing.kafka.KafkaTestBroker;
import io.omega.trainer.job.CandidateTrainer;
import io.omega.trainer.job.TrainedCandidate;
import io.omega.trainer.job.TrainingJob;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker on the real broker. The model training itself is replaced by plain functions here: what is under
 * test is the Kafka side (group membership during long runs, transactions, dead letters), not Deeplearning4j.
 */
@ExtendWith(KafkaBrokerExtension.class)
class TrainerWorkerIT {

    private static final Duration SETTLE = Duration.ofSeconds(1);
    private static final String GROUP = "omega-trainer-it";

    private final String bootstrap;
    // One for the class: JUnit makes a test instance per method, and the embedded registry's ids live in it.
    private static final OmegaSerdes serdes = new OmegaSerdes(new SchemaRegistryConfig(RegistryMode.EMBEDDED, "", true));
    private final List<TrainerWorker> workers = new ArrayList<>();

    TrainerWorkerIT(KafkaTestBroker kafka) {
        this.bootstrap = kafka.bootstrapServers();
    }

    @BeforeAll
    static void topics(KafkaTestBroker kafka) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            new TopicInstaller(admin, 3, (short) 1, Duration.ofSeconds(30)).install(Topics.all());
        }
    }

    @AfterEach
    void stopWorkers() {
        workers.forEach(TrainerWorker::close);
    }

    @Test
    void aTrainedRequestGivesOneSucceededResultAndOneRegisterCommandInOneTransaction() {
        TrainerWorker worker = start(Duration.ofMinutes(5), job -> candidate(job, "20250124_120000"));
        TrainingRequest request = request("cnn", 50);
        send(request);

        List<TrainingResult> results = results(request.getId(), 1);
        assertThat(results).hasSize(1);
        TrainingResult result = results.get(0);
        assertThat(result.getStatus()).isEqualTo(TrainingStatus.SUCCEEDED);
        assertThat(result.getVersion()).isEqualTo("20250124_120000");
        assertThat(result.getModelType()).isEqualTo("cnn");
        assertThat(result.getMetrics()).containsExactlyInAnyOrderEntriesOf(Map.of("val_accuracy", 0.61, "val_f1", 0.58));
        assertThat(result.getError()).isNull();

        List<RegistryCommand> commands = commands("20250124_120000", 1);
        assertThat(commands).hasSize(1);
        RegistryCommand register = commands.get(0);
        assertThat(register.getCommandType()).isEqualTo(RegistryCommandType.REGISTER);
        assertThat(register.getModelType()).isEqualTo("cnn");
        assertThat(register.getArtifactUri()).isEqualTo("models/cnn/cnn_20250124_120000.zip");
        assertThat(register.getArtifactSha256()).isEqualTo("ab".repeat(32));
        assertThat(register.getConfig()).containsEntry("epochs", "50");
        assertThat(register.getDataFrom()).isEqualTo(Instant.parse("2025-01-17T00:00:00Z"));
        assertThat(register.getDataTo()).isEqualTo(Instant.parse("2025-01-24T00:00:00Z"));
        assertThat(register.getActor()).isEqualTo("trainer-worker");
        assertThat(register.getReason()).contains(request.getId()).contains("MANUAL");
        worker.close(); // its counts are final once its loop has ended
        assertThat(worker.stats()).isEqualTo(new TrainerWorker.Stats(1, 0, 0, 0));
        var metrics = new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);
        TrainerMetrics.bind(worker, metrics);
        assertThat(metrics.scrape()).contains("omega_trainer_requests_total{outcome=\"succeeded\"} 1.0")
                .contains("omega_trainer_requests_total{outcome=\"failed\"} 0.0");
    }

    @Test
    void asAServiceItRunsOnItsOwnThreadCountsIntoTheBoundRegistryAndStopsOnClose() throws Exception {
        TrainerSettings settings = new TrainerSettings(bootstrap, "it", GROUP, Duration.ofMinutes(5), Duration.ofMillis(100));
        TrainerWorker worker = TrainerWorker.create(settings, serdes, job -> candidate(job, "20250124_140000"),
                Clock.systemUTC());
        LoopService service = TrainerService.of(worker);
        var metrics = new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);
        service.bindMetrics(metrics);
        assertThat(service.name()).isEqualTo("trainer");
        assertThat(service.health()).isEqualTo(Health.down("not started"));

        service.start();
        assertThat(service.health()).isEqualTo(Health.up("running"));
        TrainingRequest request = request("cnn", 7);
        send(request);
        assertThat(results(request.getId(), 1)).extracting(TrainingResult::getStatus)
                .containsExactly(TrainingStatus.SUCCEEDED);
        long succeeded = worker.stats().succeeded();
        assertThat(succeeded).isPositive();
        assertThat(metrics.scrape()).contains("omega_trainer_requests_total{outcome=\"succeeded\"} " + (double) succeeded);

        service.close();
        assertThat(service.ended().toCompletableFuture().get(10, TimeUnit.SECONDS)).isNull();
        assertThat(service.health()).isEqualTo(Health.down("stopped"));
    }

    @Test
    void aRunFiveTimesLongerThanTheMaxPollIntervalKeepsTheWorkerInItsGroup() {
        // max.poll.interval.ms of 2 s: a worker that did not poll while training would be thrown out of the group,
        // its request handed to nobody and its transaction fenced. Not 1 s: a loaded machine's stalls come near it.
        TrainerWorker worker = start(Duration.ofSeconds(2), job -> {
            Thread.sleep(10_000);
            return candidate(job, "20250124_130000");
        });
        TrainingRequest first = request("lstm", 5);
        TrainingRequest second = request("lstm", 6);
        send(first);
        send(second);

        assertThat(results(first.getId(), 1)).extracting(TrainingResult::getStatus).containsExactly(TrainingStatus.SUCCEEDED);
        assertThat(results(second.getId(), 1)).extracting(TrainingResult::getStatus).containsExactly(TrainingStatus.SUCCEEDED);
        worker.close(); // its counts are final once its loop has ended
        assertThat(worker.stats()).isEqualTo(new TrainerWorker.Stats(2, 0, 0, 0));
    }

    @Test
    void aFailedRunGivesAFailedResultWithTheReasonRegistersNothingAndTheWorkerGoesOn() {
        AtomicInteger calls = new AtomicInteger();
        TrainerWorker worker = start(Duration.ofMinutes(5), job -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("cannot save the model",
                        new IOException("No space left on device"));
            }
            return candidate(job, "20250124_140000");
        });
        TrainingRequest failing = request("cnn", 10);
        TrainingRequest next = request("cnn", 11);
        send(failing);
        send(next);

        TrainingResult failed = results(failing.getId(), 1).get(0);
        assertThat(failed.getStatus()).isEqualTo(TrainingStatus.FAILED);
        assertThat(failed.getVersion()).isNull();
        assertThat(failed.getError()).isEqualTo("IllegalStateException: cannot save the model "
                + "(caused by IOException: No space left on device)");
        assertThat(results(next.getId(), 1)).extracting(TrainingResult::getStatus).containsExactly(TrainingStatus.SUCCEEDED);
        assertThat(commands("20250124_140000", 1)).hasSize(1);
        worker.close(); // its counts are final once its loop has ended
        assertThat(worker.stats()).isEqualTo(new TrainerWorker.Stats(1, 1, 0, 0));
    }

    @Test
    void aRequestAskingForNonsenseGetsAFailedResultNamingEveryBadFieldWithoutTraining() {
        AtomicInteger calls = new AtomicInteger();
        TrainerWorker worker = start(Duration.ofMinutes(5), job -> {
            calls.incrementAndGet();
            return candidate(job, "20250124_150000");
        });
        TrainingRequest nonsense = TrainingRequest.newBuilder(request("xgboost", 0)).setWindowSize(1).build();
        send(nonsense);

        TrainingResult failed = results(nonsense.getId(), 1).get(0);
        assertThat(failed.getStatus()).isEqualTo(TrainingStatus.FAILED);
        assertThat(failed.getError()).isEqualTo("training request " + nonsense.getId() + " refused: "
                + "model_type must be one of [cnn, lstm], got 'xgboost'; epochs must be between 1 and 100000, got 0; "
                + "window_size must be between 2 and 10000, got 1");
        assertThat(calls).hasValue(0);
        worker.close(); // its counts are final once its loop has ended
        assertThat(worker.stats()).isEqualTo(new TrainerWorker.Stats(0, 1, 0, 0));
    }

    @Test
    void anUndecodableRequestGoesUnchangedToTheDeadLetterTopicAndTheNextIsTrained() throws Exception {
        TrainerWorker worker = start(Duration.ofMinutes(5), job -> candidate(job, "20250124_160000"));
        byte[] garbage = ("not avro " + EventIds.next()).getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new ByteArraySerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Topics.TRAINING_REQUESTS.name(), "cnn".getBytes(StandardCharsets.UTF_8),
                    garbage)).get();
        }
        TrainingRequest valid = request("cnn", 3);
        send(valid);

        List<ConsumerRecord<byte[], byte[]>> letters = CommittedRecords.read(bootstrap,
                Topics.deadLetterTopic(Topics.TRAINING_REQUESTS.name()),
                r -> java.util.Arrays.equals(r.value(), garbage), 1, SETTLE);
        assertThat(letters).hasSize(1);
        assertThat(new String(letters.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("cnn");
        assertThat(DeadLetterRecord.header(letters.get(0).headers(), DeadLetterRecord.ERROR).orElseThrow())
                .contains("cannot decode a TrainingRequest from topic omega.training-requests");
        assertThat(DeadLetterRecord.header(letters.get(0).headers(), DeadLetterRecord.SOURCE_TOPIC))
                .contains(Topics.TRAINING_REQUESTS.name());
        assertThat(results(valid.getId(), 1)).extracting(TrainingResult::getStatus).containsExactly(TrainingStatus.SUCCEEDED);
        worker.close(); // its counts are final once its loop has ended
        assertThat(worker.stats()).isEqualTo(new TrainerWorker.Stats(1, 0, 1, 0));
    }

    @Test
    void aWorkerStoppedMidRunLeavesTheRequestUncommittedAndTheNextWorkerTrainsItOnce() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        TrainerWorker first = start(Duration.ofMinutes(5), job -> {
            started.countDown();
            Thread.sleep(60_000); // interrupted when the worker stops
            return candidate(job, "20250124_170000");
        });
        TrainingRequest request = request("lstm", 20);
        send(request);
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        first.close();
        assertThat(first.stats()).isEqualTo(new TrainerWorker.Stats(0, 0, 0, 1));

        TrainerWorker second = start(Duration.ofMinutes(5), job -> candidate(job, "20250124_180000"));
        assertThat(results(request.getId(), 1)).extracting(TrainingResult::getVersion).containsExactly("20250124_180000");
        assertThat(commands("20250124_170000", 0)).isEmpty();
        assertThat(commands("20250124_180000", 1)).hasSize(1);
        second.close(); // its counts are final once its loop has ended
        assertThat(second.stats()).isEqualTo(new TrainerWorker.Stats(1, 0, 0, 0));
    }

    private TrainerWorker start(Duration maxPollInterval, CandidateTrainer trainer) {
        TrainerSettings settings = new TrainerSettings(bootstrap, "it", GROUP, maxPollInterval, Duration.ofMillis(100));
        TrainerWorker worker = TrainerWorker.create(settings, serdes, trainer, Clock.systemUTC());
        workers.add(worker);
        Thread thread = new Thread(worker, "trainer-worker-it");
        thread.setDaemon(true);
        thread.start();
        return worker;
    }

    private static TrainedCandidate candidate(TrainingJob job, String version) {
        return new TrainedCandidate(job.modelType(), version, "models/" + job.modelType() + "/" + job.modelType() + "_"
                + version + ".zip", "ab".repeat(32), Map.of("val_accuracy", 0.61, "val_f1", 0.58),
                Map.of("epochs", Integer.toString(job.epochs())), Instant.parse("2025-01-17T00:00:00Z"),
                Instant.parse("2025-01-24T00:00:00Z"));
    }

    private static TrainingRequest request(String modelType, int epochs) {
        return new TrainingRequest(EventIds.next(), Instant.now(), modelType, 7, epochs, 32, 50, 10,
                TargetType.DIRECTION, TrainingReason.MANUAL, "it", null);
    }

    private void send(TrainingRequest request) {
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new org.apache.kafka.common.serialization.StringSerializer(), serdes.valueSerializer(SpecificRecord.class))) {
            producer.send(new ProducerRecord<>(Topics.TRAINING_REQUESTS.name(), request.getModelType(), request)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<TrainingResult> results(String requestId, int expected) {
        var decode = serdes.valueDeserializer(TrainingResult.class);
        return CommittedRecords.read(bootstrap, Topics.TRAINING_RESULTS.name(),
                        r -> decode.deserialize(r.topic(), r.value()).getRequestId().equals(requestId), expected, SETTLE)
                .stream().map(r -> decode.deserialize(r.topic(), r.value())).toList();
    }

    private List<RegistryCommand> commands(String version, int expected) {
        var decode = serdes.valueDeserializer(RegistryCommand.class);
        return CommittedRecords.read(bootstrap, Topics.REGISTRY_COMMANDS.name(),
                        r -> version.equals(decode.deserialize(r.topic(), r.value()).getVersion()), expected, SETTLE)
                .stream().map(r -> decode.deserialize(r.topic(), r.value())).toList();
    }
}
