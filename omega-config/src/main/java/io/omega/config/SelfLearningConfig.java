package io.omega.config;

/**
 * The {@code self_learning} section: the loop's switches and thresholds, the levels of the promotion gate's two
 * significance tests, and the live monitor's minimum trades, false-rollback rate and horizon.
 *
 * @param promotionSignificance   {@code promotion_significance}: the edge test's level, the largest p-value of "no
 *                                edge" (deflated over the candidates tried) a promotion accepts
 * @param improvementSignificance {@code improvement_significance}: the paired improvement test's level, the largest
 *                                p-value of "no better than the champion on the same bars" a promotion accepts
 * @param modelTypes              {@code model_types}: the model families the loop trains, judges and promotes; list
 *                                only those an engine trades ({@code omega paper-trader --model-type}), since a
 *                                promotion nobody trades is never checked live
 */
public record SelfLearningConfig(boolean enableSelfLearning, boolean enableShadowMode, int minTradesBeforeRetrain,
                                 int retrainIntervalHours, double minEvalSharpeForPromotion,
                                 double minEvalWinrateForPromotion, double maxAllowedDrawdownForCandidate,
                                 double minImprovementOverProduction, boolean manualApprovalRequired,
                                 boolean allowAutoRollback, int performanceMonitorWindowTrades,
                                 double rollbackThresholdWinrateDrop, int experienceBufferSize,
                                 LogFileFormat logFileFormat, LogRotation logRotation, int keepLogsDays,
                                 double promotionSignificance, double improvementSignificance,
                                 int monitorMinTrades, double rollbackFalseAlarmRate, int monitorHorizonTrades,
                                 java.util.List<String> modelTypes) {

    /** Every model family the project can train. */
    public static final java.util.List<String> KNOWN_MODEL_TYPES = java.util.List.of("cnn", "lstm");

    public SelfLearningConfig {
        modelTypes = java.util.List.copyOf(modelTypes);
    }

    public enum LogFileFormat { PARQUET, CSV }

    public enum LogRotation { DAILY }

    static SelfLearningConfig read(Section s) {
        // The live monitor's t statistic needs a spread estimated from a handful of trades at least; below 10 its
        // tail is too far from the one the false-alarm rate is computed with.
        int minTrades = s.integer("monitor_min_trades", 30, 10, 1_000_000);
        int horizon = s.integer("monitor_horizon_trades", 500, 10, 10_000_000);
        if (horizon < minTrades) {
            s.problem("monitor_horizon_trades", "must be >= monitor_min_trades (" + minTrades + "), got " + horizon);
        }
        double falseAlarmRate = s.decimal("rollback_false_alarm_rate", 0.05, -Double.MAX_VALUE, Double.MAX_VALUE);
        // Open at 0.5 too: at one half a "test" rolls back on a coin toss.
        if (!(falseAlarmRate > 0 && falseAlarmRate < 0.5)) {
            s.problem("rollback_false_alarm_rate", "must be > 0 and < 0.5, got " + falseAlarmRate);
            falseAlarmRate = 0.05;
        }
        java.util.List<String> types = s.stringList("model_types", KNOWN_MODEL_TYPES);
        if (types.isEmpty() || !KNOWN_MODEL_TYPES.containsAll(types) || new java.util.HashSet<>(types).size() != types.size()) {
            s.problem("model_types", "must list one or more of " + KNOWN_MODEL_TYPES + ", each once, got " + types);
            types = KNOWN_MODEL_TYPES;
        }
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
                s.decimalAbove("improvement_significance", 0.05, 0, 0.5),
                minTrades,
                falseAlarmRate,
                horizon,
                types);
    }
}
