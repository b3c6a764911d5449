package io.omega.controller.monitor;

/**
 * One look at a production stint: two one-sided tests of its recent live trades against its backtest, each at
 * {@link MonitorSettings#alphaPerTest()}.
 *
 * <ul>
 *   <li><b>Win rate</b>: the exact binomial chance of so few wins if the true win rate were the evaluated one less
 *       {@code rollback_threshold_winrate_drop} points. The margin is the reference's allowance for the evaluated win
 *       rate being biased upward (only passing candidates are promoted), and the least drop worth a rollback.</li>
 *   <li><b>Expectancy</b>: a two-sample t statistic of the live mean return per trade against the backtest's,
 *       {@code (mean_live − mean_backtest) / (s_live · √(1/n_live + 1/n_backtest))}. Counting the backtest's own
 *       trades widens the margin for a backtest of few trades, which is what its lower confidence bound would do;
 *       the spread comes from the live trades, since the evaluation does not report one.</li>
 * </ul>
 */
final class DegradationTest {

    private final MonitorSettings settings;

    DegradationTest(MonitorSettings settings) {
        this.settings = settings;
    }

    Verdict judge(RecentReturns sample, BacktestFigures backtest) {
        int n = sample.count();
        int wins = sample.wins();
        double alpha = settings.alphaPerTest();
        double referenceWinRate = Math.max(0, backtest.winRate() - settings.winRateDrop());
        double winRatePValue = BinomialTail.atMost(wins, n, referenceWinRate / 100);

        double backtestMean = backtest.avgProfit() / settings.positionNotional() * 100;
        double liveMean = sample.mean();
        double t = Double.NaN;
        double critical = StudentT.upperQuantile(alpha, Math.max(1, n - 1));
        boolean expectancyFails = false;
        if (Double.isFinite(backtestMean) && n >= 2) {
            double spread = sample.standardDeviation();
            double backtestShare = backtest.trades() > 0 ? 1.0 / backtest.trades() : 0;
            if (spread > 0) {
                t = (liveMean - backtestMean) / (spread * Math.sqrt(1.0 / n + backtestShare));
                expectancyFails = t <= -critical;
            } else {
                // Identical returns: no spread to scale by, and none to excuse a shortfall either.
                t = liveMean < backtestMean ? Double.NEGATIVE_INFINITY : liveMean > backtestMean
                        ? Double.POSITIVE_INFINITY : 0;
                expectancyFails = liveMean < backtestMean;
            }
        }
        return new Verdict(n, wins, backtest.winRate(), referenceWinRate, winRatePValue, winRatePValue <= alpha,
                liveMean, backtestMean, t, critical, expectancyFails, alpha);
    }

    /**
     * The figures of one look.
     *
     * @param evaluatedMean the backtest's mean return per trade in % of the position; NaN when the evaluation has no
     *                      PnL per trade, and then only the win rate is tested
     * @param expectancyT   the t statistic; NaN when not computed
     */
    record Verdict(int trades, int wins, double evaluatedWinRate, double referenceWinRate, double winRatePValue,
                   boolean winRateFails, double liveMean, double evaluatedMean, double expectancyT, double tCritical,
                   boolean expectancyFails, double alphaPerTest) {

        boolean degraded() {
            return winRateFails || expectancyFails;
        }

        double liveWinRate() {
            return trades == 0 ? 0 : wins * 100.0 / trades;
        }
    }
}
