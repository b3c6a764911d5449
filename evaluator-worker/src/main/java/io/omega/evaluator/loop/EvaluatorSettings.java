package io.omega.evaluator.loop;

import io.omega.config.OmegaConfig;

import java.time.Duration;

/**
 * How the evaluator joins Kafka and what it evaluates on.
 *
 * @param daysBack how much logged experience a backtest may look at (the window starts after training anyway)
 */
public record EvaluatorSettings(String bootstrapServers, String clientIdPrefix, String groupId, int daysBack,
                                Duration maxPollInterval) {

    public static final String GROUP_ID = "omega-evaluator";

    public static EvaluatorSettings from(OmegaConfig config) {
        return new EvaluatorSettings(config.kafka().bootstrapServers(), config.kafka().clientIdPrefix(), GROUP_ID,
                config.training().daysBack(), Duration.ofMinutes(10));
    }
}
