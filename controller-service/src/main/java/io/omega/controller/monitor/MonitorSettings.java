package io.omega.controller.monitor;

import io.omega.config.OmegaConfig;
import io.omega.config.PaperTradingConfig;
import io.omega.config.SelfLearningConfig;

/**
 * The live-monitoring rules, from the {@code self_learning} section, and the backtest's position size from
 * {@code paper_trading}.
 *
 * @param windowTrades     {@code performance_monitor_window_trades}: each look tests the stint's most recent
 *                         trades, this many (or {@code minTrades}, when larger)
 * @param winRateDrop      {@code rollback_threshold_winrate_drop}: points below the evaluated win rate the live win
 *                         rate may be before the win-rate test counts it against the model
 * @param minTrades        {@code monitor_min_trades}: live trades of a stint before its first look
 * @param falseAlarmRate   {@code rollback_false_alarm_rate}: the most a model that trades as its backtest may be
 *                         judged degraded, over one horizon
 * @param horizonTrades    {@code monitor_horizon_trades}: the trades the false-alarm rate covers
 * @param positionNotional the quote notional of a backtest position at the starting capital
 *                         ({@code starting_capital × position_size_pct / 100}): turns the evaluated PnL per trade into
 *                         a return on the position, as live outcomes report it
 * @param rollbackOnDegradation a ROLLBACK command follows a degradation only with self-learning enabled and
 *                              {@code allow_auto_rollback}; otherwise the degradation is only reported
 */
public record MonitorSettings(int windowTrades, double winRateDrop, int minTrades, double falseAlarmRate,
                              int horizonTrades, double positionNotional, boolean rollbackOnDegradation) {

    /** Each horizon gets this many looks per window: frequent enough to act soon, few enough to keep α per look sane. */
    static final int LOOKS_PER_WINDOW = 5;

    public MonitorSettings {
        if (windowTrades < 1) {
            throw new IllegalArgumentException("windowTrades must be >= 1, got " + windowTrades);
        }
        // The t statistic needs a spread: two trades at the very least.
        if (minTrades < 2 || horizonTrades < minTrades) {
            throw new IllegalArgumentException("need 2 <= minTrades <= horizonTrades, got " + minTrades + " and "
                    + horizonTrades);
        }
        if (!(falseAlarmRate > 0 && falseAlarmRate < 0.5)) {
            throw new IllegalArgumentException("falseAlarmRate must be in (0, 0.5), got " + falseAlarmRate);
        }
        if (!(positionNotional > 0 && Double.isFinite(positionNotional))) {
            throw new IllegalArgumentException("positionNotional must be > 0, got " + positionNotional);
        }
    }

    public static MonitorSettings from(OmegaConfig config) {
        SelfLearningConfig s = config.selfLearning();
        PaperTradingConfig pt = config.paperTrading();
        return new MonitorSettings(s.performanceMonitorWindowTrades(), s.rollbackThresholdWinrateDrop(),
                s.monitorMinTrades(), s.rollbackFalseAlarmRate(), s.monitorHorizonTrades(),
                pt.startingCapital() * pt.positionSizePct() / 100, s.enableSelfLearning() && s.allowAutoRollback());
    }

    /** Returns each look tests at most: the window, but never fewer than the first look sees. */
    int sampleTrades() {
        return Math.max(windowTrades, minTrades);
    }

    LookSchedule looks() {
        return new LookSchedule(minTrades, Math.max(1, (sampleTrades() + LOOKS_PER_WINDOW - 1) / LOOKS_PER_WINDOW),
                horizonTrades);
    }

    /** The level of each of the two tests at each look: α shared evenly (Bonferroni). */
    double alphaPerTest() {
        return falseAlarmRate / (2.0 * looks().looks());
    }
}
