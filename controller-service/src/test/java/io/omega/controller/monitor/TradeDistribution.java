package io.omega.controller.monitor;

import java.util.SplittableRandom;

/**
 * Per-trade returns (pnl_pct) shaped like the paper trader's under the default {@code paper_trading} settings: a
 * stop-loss exit near −1.14 % and a take-profit exit near +1.86 % after 0.14 % of fees and slippage, and signal or
 * timeout exits spread around a small mean in between.
 *
 * @param takeProfit share of take-profit exits
 * @param stopLoss   share of stop-loss exits
 * @param signalMean mean return of the other exits, in %
 */
record TradeDistribution(double takeProfit, double stopLoss, double signalMean) {

    static final double TP_RETURN = 1.86;
    static final double SL_RETURN = -1.14;
    private static final double SIGNAL_SPREAD = 0.5;

    /** A model with an edge: about +0.26 % a trade, 45 % winners. */
    static final TradeDistribution EDGE = new TradeDistribution(0.30, 0.30, 0.10);
    /** The same exits after the signal turned against the model: about −0.27 % a trade, 32 % winners. */
    static final TradeDistribution LOSING = new TradeDistribution(0.15, 0.45, -0.10);
    /** The signal fully reversed: about −0.46 % a trade, 25 % winners. */
    static final TradeDistribution REVERSED = new TradeDistribution(0.10, 0.50, -0.20);
    /** No edge at all, a little under zero after costs. */
    static final TradeDistribution NO_EDGE = new TradeDistribution(0.20, 0.35, 0.0);
    /** Many small signal-exit gains and occasional stops, no targets: returns skewed to the left. */
    static final TradeDistribution LEFT_SKEWED = new TradeDistribution(0.0, 0.10, 0.25);

    double draw(SplittableRandom random) {
        double u = random.nextDouble();
        if (u < takeProfit) {
            return TP_RETURN + 0.02 * (random.nextDouble() - 0.5);
        }
        if (u < takeProfit + stopLoss) {
            return SL_RETURN + 0.02 * (random.nextDouble() - 0.5);
        }
        // Signal and timeout exits lie between the stop and the target.
        double r = signalMean + SIGNAL_SPREAD * random.nextGaussian();
        return Math.max(SL_RETURN, Math.min(TP_RETURN, r));
    }

    double[] sample(SplittableRandom random, int trades) {
        double[] out = new double[trades];
        for (int i = 0; i < trades; i++) {
            out[i] = draw(random);
        }
        return out;
    }
}
