package io.omega.registry.client;


import java.time.Duration;

/**
 * How a registry client reaches Kafka.
 *
 * @param commandTimeout how long a call waits for the event that answers its command
 */
public record ClientSettings(String bootstrapServers, String clientId, RegistryTopics topics, Duration commandTimeout) {
}
