package io.omega.controller.monitor;

import java.util.Optional;

/**
 * The monitor's rule without Kafka: folds one live trade of the production version into its stint and says whether
 * that trade ends in a degradation to report. A stint starts empty when the version enters production (a new
 * registry event), is looked at on the {@link LookSchedule}, and reports a degradation once: the next report needs
 * a look that passes first.
 */
final class DegradationWatch {

    private final MonitorSettings settings;
    private final LookSchedule looks;
    private final DegradationTest test;

    DegradationWatch(MonitorSettings settings) {
        this.settings = settings;
        this.looks = settings.looks();
        this.test = new DegradationTest(settings);
    }

    /**
     * @param state    the stint so far, or null when none was kept
     * @param since    the registry event that made the version production
     * @param backtest the version's evaluated figures, or null when unknown (then no verdict)
     */
    Step afterTrade(WatchState state, String since, double pnlPct, BacktestFigures backtest) {
        WatchState current = state == null || !state.since().equals(since)
                ? WatchState.fresh(since, settings.sampleTrades())
                : state;
        RecentReturns recent = current.recent().resized(settings.sampleTrades());
        recent.add(pnlPct);
        long trades = current.stintTrades() + 1;
        boolean alerted = current.alerted();
        DegradationTest.Verdict alert = null;
        if (backtest != null && looks.isLook(trades)) {
            DegradationTest.Verdict verdict = test.judge(recent, backtest);
            if (verdict.degraded() && !alerted) {
                alert = verdict;
            }
            alerted = verdict.degraded();
        }
        return new Step(new WatchState(since, trades, recent, alerted), Optional.ofNullable(alert));
    }

    /** The stint after a trade, and the degradation it revealed, if it is a new one. */
    record Step(WatchState state, Optional<DegradationTest.Verdict> degradation) {
    }
}
