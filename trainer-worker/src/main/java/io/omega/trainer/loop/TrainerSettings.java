package io.omega.trainer.loop;

import io.omega.config.KafkaConfig;

import java.time.Duration;

/**
 * How the worker joins Kafka.
 *
 * @param maxPollInterval Kafka's {@code max.poll.interval.ms}; training may take far longer, because the worker
 *                        keeps polling (with its partitions paused) while it trains
 */
public record TrainerSettings(String bootstrapServers, String clientIdPrefix, String groupId, Duration maxPollInterval,
                              Duration pollTimeout) {

    public static final String GROUP_ID = "omega-trainer";

    public static TrainerSettings from(KafkaConfig kafka) {
        return new TrainerSettings(kafka.bootstrapServers(), kafka.clientIdPrefix(), GROUP_ID, Duration.ofMinutes(5),
                Duration.ofMillis(200));
    }
}
