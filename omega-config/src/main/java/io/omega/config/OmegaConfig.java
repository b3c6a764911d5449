package io.omega.config;

import java.util.Map;

/** The whole configuration, validated: one record per section of {@code config/trading_config.yaml}. */
public record OmegaConfig(SelfLearningConfig selfLearning, KafkaConfig kafka, SchemaRegistryConfig schemaRegistry,
                          StorageConfig storage, PaperTradingConfig paperTrading, DashboardConfig dashboard,
                          SinkConfig sink, RegistryServiceConfig registry, TrainingConfig training,
                          MetricsConfig metrics) {

    /** Every key at its default: what an empty file gives. */
    public static OmegaConfig defaults() {
        return ConfigLoader.parse("", Map.of());
    }
}
