package io.omega.app.controller;

import io.omega.config.OmegaConfig;

import java.math.BigDecimal;

/**
 * The line {@code omega controller} prints once it runs: the broker and every setting that decides whether a model
 * is promoted or rolled back, so an operator reading a log knows which rules were in force.
 */
final class ControllerStartupLine {

    private ControllerStartupLine() {
    }

    static String of(OmegaConfig config) {
        var s = config.selfLearning();
        return String.format("Controller on %s: self-learning %s, manual approval %s, auto-rollback %s, window %d "
                        + "trades, retrain after %d outcomes or %d h; gate: promotion_significance %s, "
                        + "improvement_significance %s; monitor: monitor_min_trades %d, rollback_false_alarm_rate %s, "
                        + "monitor_horizon_trades %d",
                config.kafka().bootstrapServers(), s.enableSelfLearning() ? "ON" : "OFF",
                s.manualApprovalRequired() ? "required" : "off",
                // Rollbacks are sent only with self-learning on, whatever allow_auto_rollback says.
                s.enableSelfLearning() && s.allowAutoRollback() ? "ON" : "OFF", s.performanceMonitorWindowTrades(),
                s.minTradesBeforeRetrain(), s.retrainIntervalHours(), plain(s.promotionSignificance()),
                plain(s.improvementSignificance()), s.monitorMinTrades(), plain(s.rollbackFalseAlarmRate()),
                s.monitorHorizonTrades());
    }

    /** 0.05 as {@code 0.05}, as the configuration writes it. */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
