package io.omega.config;

/**
 * The {@code self_learning} section: names and defaults are the design's contract, plus the levels of the
 * promotion gate's two significance tests.
 *
 * @param promotionSignificance   {@code promotion_significance}: the edge test's level, the largest p-value of "no
 *                                edge" (deflated over the candidates tried) a promotion accepts
 * @param improvementSignificance {@code improvement_significance}: the paired improvement test's level, the largest
 *                                p-value of "no better than the champion on the same bars" a promotion accepts
 */
public record SelfLearningConfig(boolean enableSelfLearning, boolean enableShadowMode, int minTradesBeforeRetrain,
                                 int retrainIntervalHours, double minEvalSharpeForPromotion,
                                 double minEvalWinrateForPromotion, double maxAllowedDrawdownForCandidate,
                                 double minImprovementOverProduction, boolean manualApprovalRequired,
                                 boolean allowAutoRollback, int performanceMonitorWindowTrades,
                                 double rollbackThresholdWinrateDrop, int experienceBufferSize,
                                 LogFileFormat logFileFormat, LogRotation logRotation, int keepLogsDays,
                                 double promotionSignificance, double improvementSignificance) {

    public enum LogFileFormat { PARQUET, CSV }

    public enum LogRotation { DAILY }

    static SelfLearningConfig read(Section s) {
        return new SelfLearningConfig(
                s.bool("enable_self_learning", false),
                s.bool("enable_shadow_mode", false),
                s.integer("min_trades_before_retrain", 100, 1, Integer.MAX_VALUE),
                s.integer("retrain_interval_hours", 24, 1, Integer.MAX_VALUE),
                s.decimal("min_eval_sharpe_for_promotion", 1.0, -10, 10),
                s.decimal("min_eval_winrate_for_promotion", 55.0, 0, 100),
                s.decimal("max_allowed_drawdown_for_candidate", 20.0, 0, 100),
                s.decimal("min_improvement_over_production", 0.05, 0, 10),
                s.bool("manual_approval_required", true),
                s.bool("allow_auto_rollback", true),
                s.integer("performance_monitor_window_trades", 50, 1, Integer.MAX_VALUE),
                s.decimal("rollback_threshold_winrate_drop", 10.0, 0, 100),
                s.integer("experience_buffer_size", 10_000, 1, 10_000_000),
                s.choice("log_file_format", LogFileFormat.PARQUET),
                s.choice("log_rotation", LogRotation.DAILY),
                s.integer("keep_logs_days", 90, 1, Integer.MAX_VALUE),
                // Above 0.5 a test would accept evidence pointing the other way; 0 would never promote.
                s.decimalAbove("promotion_significance", 0.05, 0, 0.5),
                s.decimalAbove("improvement_significance", 0.05, 0, 0.5));
    }
}
