package io.omega.app.demo;

import io.omega.app.CliRun;
import io.omega.config.OmegaConfig;
import io.omega.kafka.embedded.BrokerSettings;
import io.omega.kafka.embedded.EmbeddedKafkaBroker;
import io.omega.schemas.event.ControllerEvent;
import io.omega.schemas.event.ControllerEventType;
import io.omega.schemas.event.Decision;
import io.omega.schemas.event.Evaluation;
import io.omega.schemas.event.EvaluationStatus;
import io.omega.schemas.event.Execution;
import io.omega.schemas.event.Outcome;
import io.omega.schemas.event.RegistryEvent;
import io.omega.schemas.event.RegistryEventType;
import io.omega.schemas.event.TrainingReason;
import io.omega.schemas.event.TrainingRequest;
import io.omega.schemas.event.TrainingResult;
import io.omega.schemas.event.TrainingStatus;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.schemas.topic.TopicDecoder;
import io.omega.schemas.topic.TopicSpec;
import io.omega.schemas.topic.Topics;
import io.omega.store.ExperienceKind;
import io.omega.store.ExperienceStore;
import io.omega.testing.kafka.CommittedRecords;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end-to-end test: a shortened {@code omega demo} (two minutes, so that
 * a loaded machine still closes the trades a first retraining needs) runs the whole loop on its own embedded
 * broker; afterwards that broker is started again on the demo's data and every topic is read to its end. The chain
 * decisions → outcomes → training request → REGISTERED → evaluation → gate decision must be there, in that order
 * (record timestamps: every producer runs in this JVM on one clock), each link answered exactly once, and the counts
 * must agree with what the demo reported and with the Parquet files the sink left.
 */
class DemoIT {

    private static final int MIN_TRADES_BEFORE_RETRAIN = 30; // demo.yaml

    @TempDir
    Path dir;

    @Test
    void aShortenedDemoLeavesTheWholeChainOfEventsInOrderWithMatchingCounts() throws Exception {
        CliRun demo = CliRun.of("demo", "--data-dir", dir.toString(), "--dashboard-port", "0", "--minutes", "2");
        assertThat(demo.exit()).as("demo exit; stderr:%n%s", demo.err()).isZero();
        String printed = demo.out();
        assertThat(printed).contains("Summary after").doesNotContain("stopped waiting after");
        long[] market = numbers(printed, "market:\\s+(\\d+) bars replayed; (\\d+) decisions, (\\d+) shadow decisions");
        long[] trades = numbers(printed, "trades:\\s+(\\d+) opened, (\\d+) closed");

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerSettings.loopback(dir.resolve("kafka")))) {
            Topic reader = new Topic(broker.bootstrapServers(), new OmegaSerdes(OmegaConfig.defaults().schemaRegistry()));
            List<Timed<Decision>> decisions = reader.read(Topics.DECISIONS);
            List<Timed<Execution>> executions = reader.read(Topics.EXECUTIONS);
            List<Timed<Outcome>> outcomes = reader.read(Topics.OUTCOMES);
            List<Timed<TrainingRequest>> requests = reader.read(Topics.TRAINING_REQUESTS);
            List<Timed<TrainingResult>> results = reader.read(Topics.TRAINING_RESULTS);
            List<Timed<RegistryEvent>> registryEvents = reader.read(Topics.REGISTRY_EVENTS);
            List<Timed<Evaluation>> evaluations = reader.read(Topics.EVALUATIONS);
            List<Timed<ControllerEvent>> controllerEvents = reader.read(Topics.CONTROLLER_EVENTS);

            // Decisions, executions and outcomes: exactly what the demo reported, and what the sink kept as Parquet.
            assertThat(decisions.stream().filter(d -> !d.value().getIsShadow()).count()).isEqualTo(market[1]);
            assertThat(decisions.stream().filter(d -> d.value().getIsShadow()).count()).isEqualTo(market[2]);
            assertThat(market[2]).as("shadow decisions").isPositive();
            assertThat(executions).hasSize((int) trades[0]);
            assertThat(outcomes).hasSize((int) trades[1]);
            assertThat(outcomes.stream().map(o -> o.value().getTradeId()).collect(Collectors.toSet()))
                    .isSubsetOf(executions.stream().map(e -> e.value().getTradeId()).collect(Collectors.toSet()));
            ExperienceStore store = new ExperienceStore(dir);
            assertThat(store.load(ExperienceKind.DECISIONS, 8).requireComplete().size()).isEqualTo(decisions.size());
            assertThat(store.load(ExperienceKind.OUTCOMES, 8).requireComplete().size()).isEqualTo(outcomes.size());

            // Decisions come before outcomes, and no training is asked for before 30 trades (demo.yaml) have closed.
            assertThat(decisions.get(0).time()).isLessThanOrEqualTo(first(outcomes).time());
            assertThat(requests).isNotEmpty();
            long firstRequest = first(requests).time();
            assertThat(outcomes.stream().filter(o -> o.time() <= firstRequest).count())
                    .isGreaterThanOrEqualTo(MIN_TRADES_BEFORE_RETRAIN);
            List<Timed<ControllerEvent>> triggers = controllerEvents.stream()
                    .filter(e -> e.value().getEventType() == ControllerEventType.RETRAIN_TRIGGERED).toList();
            assertThat(requests).hasSameSizeAs(triggers);
            assertThat(requests).allMatch(r -> r.value().getReason() == TrainingReason.TRADE_COUNT);

            // Every request trained once, after it was asked for.
            Map<String, Timed<TrainingRequest>> requestById = byKey(requests, r -> r.getId().toString());
            assertThat(results).hasSameSizeAs(requests);
            assertThat(results.stream().map(r -> r.value().getRequestId().toString()).distinct().count())
                    .isEqualTo(requests.size());
            for (Timed<TrainingResult> result : results) {
                Timed<TrainingRequest> request = requestById.get(result.value().getRequestId().toString());
                assertThat(request).as("request of %s", result.value()).isNotNull();
                assertThat(result.time()).isGreaterThanOrEqualTo(request.time());
                assertThat(result.value().getModelType().toString()).isEqualTo(request.value().getModelType().toString());
            }

            // Every successful training registered exactly one candidate, after the result.
            Map<String, Timed<TrainingResult>> succeeded = byKey(results.stream()
                    .filter(r -> r.value().getStatus() == TrainingStatus.SUCCEEDED).toList(), r -> r.getVersion().toString());
            assertThat(succeeded).isNotEmpty();
            Map<String, Timed<RegistryEvent>> registered = byKey(registryEvents.stream()
                    .filter(e -> e.value().getEventType() == RegistryEventType.REGISTERED).toList(),
                    e -> e.getVersion().toString());
            assertThat(registered.keySet()).isEqualTo(succeeded.keySet());
            registered.forEach((version, event) ->
                    assertThat(event.time()).isGreaterThanOrEqualTo(succeeded.get(version).time()));

            // Every registered candidate evaluated once, after it was registered.
            Map<String, Timed<Evaluation>> evaluated = byKey(evaluations, e -> e.getVersion().toString());
            assertThat(evaluated.keySet()).isEqualTo(registered.keySet());
            evaluated.forEach((version, evaluation) ->
                    assertThat(evaluation.time()).isGreaterThanOrEqualTo(registered.get(version).time()));

            // Every completed evaluation judged once by the promotion gate, after the evaluation.
            Map<String, Timed<Evaluation>> completed = evaluated.entrySet().stream()
                    .filter(e -> e.getValue().value().getStatus() == EvaluationStatus.COMPLETED)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(completed).isNotEmpty();
            Map<String, Timed<ControllerEvent>> judged = byKey(controllerEvents.stream()
                    .filter(e -> DemoCommand.GATE_DECISIONS.contains(e.value().getEventType())).toList(),
                    e -> e.getVersion().toString());
            assertThat(judged.keySet()).isEqualTo(completed.keySet());
            judged.forEach((version, decision) ->
                    assertThat(decision.time()).isGreaterThanOrEqualTo(completed.get(version).time()));
        }
    }

    private record Timed<T>(long time, T value) {
    }

    /** Reads a finished run's topic to its end, in timestamp order. */
    private record Topic(String bootstrapServers, OmegaSerdes serdes) {

        <T extends SpecificRecord> List<Timed<T>> read(TopicSpec<T> topic) {
            TopicDecoder<T> values = TopicDecoder.of(topic, serdes);
            return CommittedRecords.readAll(bootstrapServers, topic.name()).stream()
                    .map(r -> new Timed<>(r.timestamp(), values.decode(r)))
                    .sorted(Comparator.comparingLong(Timed::time))
                    .toList();
        }
    }

    /** By key, refusing a key seen twice: each link of the chain must be answered exactly once. */
    private static <T> Map<String, Timed<T>> byKey(List<Timed<T>> records, Function<T, String> key) {
        return records.stream().collect(Collectors.toMap(r -> key.apply(r.value()), r -> r, (a, b) -> {
            throw new AssertionError("answered twice: " + a.value() + " and " + b.value());
        }));
    }

    private static <T> Timed<T> first(List<Timed<T>> records) {
        assertThat(records).isNotEmpty();
        return records.get(0);
    }

    private static long[] numbers(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("'%s' in the demo's output:%n%s", regex, text).isTrue();
        long[] found = new long[m.groupCount()];
        for (int i = 0; i < found.length; i++) {
            found[i] = Long.parseLong(m.group(i + 1));
        }
        return found;
    }
}
