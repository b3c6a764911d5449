package io.omega.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A decision as kept on disk: the {@code Decision} event, flattened. {@code direction} is the enum's name
 * (LONG, SHORT, FLAT) so that any tool can filter on it without knowing the Avro enum. The two maps are
 * {@link DoubleMap}s: immutable, compact, and readable without boxing.
 */
public record DecisionRow(String id, Instant eventTime, String symbol, double price, Map<String, Double> marketFeatures,
                          String direction, double confidence, Map<String, Double> classProbabilities,
                          String modelType, String modelVersion, boolean isShadow, boolean backfilled,
                          int kafkaPartition, long kafkaOffset) implements ExperienceRow {

    public DecisionRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(symbol, "symbol");
        marketFeatures = DoubleMap.copyOf(marketFeatures);
        classProbabilities = DoubleMap.copyOf(classProbabilities);
    }

    /** A live decision (not backfilled): what every row was before backfills existed. */
    public DecisionRow(String id, Instant eventTime, String symbol, double price, Map<String, Double> marketFeatures,
                       String direction, double confidence, Map<String, Double> classProbabilities, String modelType,
                       String modelVersion, boolean isShadow, int kafkaPartition, long kafkaOffset) {
        this(id, eventTime, symbol, price, marketFeatures, direction, confidence, classProbabilities, modelType,
                modelVersion, isShadow, false, kafkaPartition, kafkaOffset);
    }
}
