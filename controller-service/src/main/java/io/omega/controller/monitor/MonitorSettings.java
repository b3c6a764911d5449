package io.omega.controller.monitor;

import io.omega.config.SelfLearningConfig;

/**
 * The live-monitoring rules, from the {@code self_learning} section.
 *
 * @param windowTrades     {@code performance_monitor_window_trades}: live results per model version
 * @param winRateDrop      {@code rollback_threshold_winrate_drop}: points below the evaluated win rate that count
 *                         as degradation
 * @param rollbackOnDegradation a ROLLBACK command follows a degradation only with self-learning enabled and
 *                              {@code allow_auto_rollback}; otherwise the degradation is only reported
 */
public record MonitorSettings(int windowTrades, double winRateDrop, boolean rollbackOnDegradation) {

    public MonitorSettings {
        if (windowTrades < 1) {
            throw new IllegalArgumentException("windowTrades must be >= 1, got " + windowTrades);
        }
    }

    public static MonitorSettings from(SelfLearningConfig config) {
        return new MonitorSettings(config.performanceMonitorWindowTrades(), config.rollbackThresholdWinrateDrop(),
                config.enableSelfLearning() && config.allowAutoRollback());
    }
}
