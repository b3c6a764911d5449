package io.omega.sink.decode;

import io.omega.schemas.event.Decision;
import io.omega.schemas.event.Execution;
import io.omega.schemas.event.Outcome;
import io.omega.schemas.topic.Topics;
import io.omega.store.ExperienceKind;
import io.omega.store.ExperienceRow;

import java.util.List;
import java.util.Optional;

/** A topic the sink consumes, the Avro record on it and the kind of experience it becomes. */
public record SinkTopic(String topic, Class<?> eventType, ExperienceKind<? extends ExperienceRow> kind) {

    public static final List<SinkTopic> ALL = List.of(
            new SinkTopic(Topics.DECISIONS.name(), Decision.class, ExperienceKind.DECISIONS),
            new SinkTopic(Topics.EXECUTIONS.name(), Execution.class, ExperienceKind.EXECUTIONS),
            new SinkTopic(Topics.OUTCOMES.name(), Outcome.class, ExperienceKind.OUTCOMES));

    public static Optional<SinkTopic> of(String topic) {
        return ALL.stream().filter(t -> t.topic.equals(topic)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(SinkTopic::topic).toList();
    }
}
