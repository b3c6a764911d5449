package io.omega.controller.retrain;

import io.omega.config.SelfLearningConfig;
import io.omega.config.TrainingConfig;

import java.time.Duration;
import java.util.List;

/**
 * When to ask for training, and what to ask for.
 *
 * @param enabled        {@code enable_self_learning}: off, no request is made by itself
 * @param minTrades      {@code min_trades_before_retrain}: outcomes since the last request that call for a new one
 * @param interval       {@code retrain_interval_hours}: time since the last request that calls for one, if any
 *                       outcome arrived meanwhile
 * @param checkEvery     how often the schedule is checked (wall clock)
 * @param modelTypes     {@code model_types}: the model families kept trained
 * @param training       the run each request asks for
 */
public record RetrainSettings(boolean enabled, int minTrades, Duration interval, Duration checkEvery,
                              List<String> modelTypes, TrainingConfig training) {

    public RetrainSettings {
        modelTypes = List.copyOf(modelTypes);
    }

    public static RetrainSettings from(SelfLearningConfig selfLearning, TrainingConfig training) {
        return new RetrainSettings(selfLearning.enableSelfLearning(), selfLearning.minTradesBeforeRetrain(),
                Duration.ofHours(selfLearning.retrainIntervalHours()), Duration.ofMinutes(1), selfLearning.modelTypes(),
                training);
    }
}
