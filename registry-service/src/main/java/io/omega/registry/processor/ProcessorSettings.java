package io.omega.registry.processor;

import io.omega.registry.client.RegistryTopics;

/**
 * How the command processor reaches Kafka.
 *
 * @param transactionalId one fixed id for every instance: a newly started instance fences the previous one, so there
 *                        is never more than one writer of the event log
 */
public record ProcessorSettings(String bootstrapServers, String clientIdPrefix, RegistryTopics topics,
                                String transactionalId, String groupId) {

    public static ProcessorSettings of(String bootstrapServers, String clientIdPrefix, RegistryTopics topics) {
        String base = clientIdPrefix + "-registry";
        // Tests run several registries on one broker: the topic name keeps their ids and groups apart.
        String suffix = topics.equals(RegistryTopics.catalogue()) ? "" : "-" + topics.events();
        return new ProcessorSettings(bootstrapServers, clientIdPrefix, topics, base + suffix, base + suffix);
    }
}
