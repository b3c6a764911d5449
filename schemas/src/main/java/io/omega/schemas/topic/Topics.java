package io.omega.schemas.topic;

import io.omega.schemas.event.ControllerEvent;
import io.omega.schemas.event.Decision;
import io.omega.schemas.event.Evaluation;
import io.omega.schemas.event.Execution;
import io.omega.schemas.event.Outcome;
import io.omega.schemas.event.RegistryCommand;
import io.omega.schemas.event.RegistryEvent;
import io.omega.schemas.event.TrainingRequest;
import io.omega.schemas.event.TrainingResult;
import org.apache.kafka.common.config.TopicConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.omega.schemas.topic.TopicSpec.Partitioning.CONFIGURED;
import static io.omega.schemas.topic.TopicSpec.Partitioning.SINGLE;

/** The topic catalogue: every OMEGA topic, in one place. Dead-letter topics are derived, one per topic. */
public final class Topics {

    public static final String DLQ_SUFFIX = ".dlq";

    // Market events are kept as Parquet by the sink; Kafka only needs them long enough to replay a week.
    private static final Map<String, String> WEEK = retention(Duration.ofDays(7));
    private static final Map<String, String> MONTH = retention(Duration.ofDays(30));
    private static final Map<String, String> FOREVER = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG, "-1",
            TopicConfig.RETENTION_BYTES_CONFIG, "-1");

    public static final TopicSpec<Decision> DECISIONS =
            record("omega.decisions", Decision.class, "symbol", CONFIGURED, WEEK);
    public static final TopicSpec<Execution> EXECUTIONS =
            record("omega.executions", Execution.class, "symbol", CONFIGURED, WEEK);
    public static final TopicSpec<Outcome> OUTCOMES =
            record("omega.outcomes", Outcome.class, "symbol", CONFIGURED, WEEK);
    public static final TopicSpec<TrainingRequest> TRAINING_REQUESTS =
            record("omega.training-requests", TrainingRequest.class, "model type", CONFIGURED, MONTH);
    public static final TopicSpec<TrainingResult> TRAINING_RESULTS =
            record("omega.training-results", TrainingResult.class, "model type", CONFIGURED, MONTH);
    public static final TopicSpec<RegistryCommand> REGISTRY_COMMANDS =
            record("omega.registry-commands", RegistryCommand.class, "model type", SINGLE, MONTH);
    /** The registry's source of truth: never compacted, never expired; the registry replays it at start. */
    public static final TopicSpec<RegistryEvent> REGISTRY_EVENTS =
            record("omega.registry-events", RegistryEvent.class, "model type", SINGLE, FOREVER);
    public static final TopicSpec<Evaluation> EVALUATIONS =
            record("omega.evaluations", Evaluation.class, "model type", SINGLE, FOREVER);
    /** The controller's decisions are the audit trail of every promotion and rollback. */
    public static final TopicSpec<ControllerEvent> CONTROLLER_EVENTS =
            record("omega.controller-events", ControllerEvent.class, "model type", SINGLE, FOREVER);

    private static final List<TopicSpec<?>> RECORD_TOPICS = List.of(DECISIONS, EXECUTIONS, OUTCOMES, TRAINING_REQUESTS,
            TRAINING_RESULTS, REGISTRY_COMMANDS, REGISTRY_EVENTS, EVALUATIONS, CONTROLLER_EVENTS);

    private static final List<TopicSpec<?>> ALL;

    static {
        List<TopicSpec<?>> all = new ArrayList<>(RECORD_TOPICS);
        RECORD_TOPICS.forEach(t -> all.add(deadLetterOf(t)));
        ALL = List.copyOf(all);
    }

    private Topics() {
    }

    /** The nine record topics, in the order of the topic table in schemas/README.md. */
    public static List<TopicSpec<?>> recordTopics() {
        return RECORD_TOPICS;
    }

    /** Record topics and their dead-letter topics. */
    public static List<TopicSpec<?>> all() {
        return ALL;
    }

    public static Optional<TopicSpec<?>> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** Where a consumer of {@code topic} sends what it cannot decode or validate. */
    public static String deadLetterTopic(String topic) {
        return topic + DLQ_SUFFIX;
    }

    private static TopicSpec<byte[]> deadLetterOf(TopicSpec<?> topic) {
        // Rejected records keep their original key and bytes; the error travels in headers.
        return new TopicSpec<>(deadLetterTopic(topic.name()), byte[].class, byte[].class, topic.keyMeaning(),
                topic.partitioning(), MONTH);
    }

    private static <V> TopicSpec<V> record(String name, Class<V> valueType, String keyMeaning,
                                           TopicSpec.Partitioning partitioning, Map<String, String> configs) {
        return new TopicSpec<>(name, String.class, valueType, keyMeaning, partitioning, configs);
    }

    private static Map<String, String> retention(Duration duration) {
        return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(duration.toMillis()));
    }
}
