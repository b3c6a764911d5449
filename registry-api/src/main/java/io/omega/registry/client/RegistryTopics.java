package io.omega.registry.client;

import io.omega.schemas.topic.TopicSpec;
import io.omega.schemas.topic.Topics;

import java.util.List;

/**
 * The two topics the registry works between. The catalogue's names in production; tests give each case its own
 * pair so that cases sharing one broker never see each other's history.
 */
public record RegistryTopics(String commands, String events) {

    public static RegistryTopics catalogue() {
        return new RegistryTopics(Topics.REGISTRY_COMMANDS.name(), Topics.REGISTRY_EVENTS.name());
    }

    public String commandsDeadLetter() {
        return Topics.deadLetterTopic(commands);
    }

    /** The catalogue's specs (partitioning, retention) under these names, for the topic installer. */
    public List<TopicSpec<?>> specs() {
        TopicSpec<?> c = Topics.REGISTRY_COMMANDS;
        TopicSpec<?> e = Topics.REGISTRY_EVENTS;
        TopicSpec<?> dlq = Topics.byName(Topics.deadLetterTopic(c.name())).orElseThrow();
        return List.of(c.renamed(commands), e.renamed(events), dlq.renamed(commandsDeadLetter()));
    }
}
