package io.omega.controller.monitor;

import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/** Runs many production stints through {@link DegradationWatch}, live trades from a given source, seeded. */
final class SimulatedStints {

    static final double NOTIONAL = 1_000.0;

    private final MonitorSettings settings;

    SimulatedStints(MonitorSettings settings) {
        this.settings = settings;
    }

    /** The figures an evaluation reports for these backtest trades (avg_profit in quote currency at {@link #NOTIONAL}). */
    static BacktestFigures figures(double[] backtestReturns) {
        int wins = 0;
        double sum = 0;
        for (double r : backtestReturns) {
            wins += r > 0 ? 1 : 0;
            sum += r;
        }
        return new BacktestFigures(100.0 * wins / backtestReturns.length,
                sum / backtestReturns.length / 100 * NOTIONAL, backtestReturns.length);
    }

    /** Live trades drawn with replacement from the backtest's own trades: the backtest's distribution exactly. */
    static DoubleSupplier resampling(double[] backtestReturns, SplittableRandom random) {
        return () -> backtestReturns[random.nextInt(backtestReturns.length)];
    }

    /**
     * @return the trade (from 1) of the stint after which a degradation was reported, or 0 when none was within
     * {@code maxTrades}
     */
    int firstDegradation(BacktestFigures backtest, DoubleSupplier live, int maxTrades) {
        DegradationWatch watch = new DegradationWatch(settings);
        WatchState state = null;
        for (int trade = 1; trade <= maxTrades; trade++) {
            DegradationWatch.Step step = watch.afterTrade(state, "promoted", live.getAsDouble(), backtest);
            if (step.degradation().isPresent()) {
                return trade;
            }
            state = step.state();
        }
        return 0;
    }
}
