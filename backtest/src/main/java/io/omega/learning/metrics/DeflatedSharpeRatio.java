package io.omega.learning.metrics;

/**
 * The deflated Sharpe ratio of Bailey and López de Prado ("The Deflated Sharpe Ratio: Correcting for Selection Bias,
 * Backtest Overfitting and Non-Normality", J. Portfolio Management 40(5), 2014): the probability that the true
 * Sharpe ratio is above the best Sharpe ratio expected from {@code trials} candidates with no skill.
 *
 * <pre>
 * σ(SR)  = √((1 − γ3·SR + (γ4 − 1)/4 · SR²) / (T − 1))
 * SR0    = √V · ((1 − γ)·Φ⁻¹(1 − 1/N) + γ·Φ⁻¹(1 − 1/(N·e)))      (γ = Euler–Mascheroni; SR0 = 0 when N = 1)
 * DSR    = Φ((SR − SR0) / σ(SR))
 * </pre>
 * SR is the per-bar (not annualised) Sharpe of the equity returns, T the number of returns, γ3 their skewness and γ4
 * their (non-excess) kurtosis, both population moments as in the paper. V is the variance of the candidates'
 * Sharpe ratios; when the caller does not know it, the estimator's own variance σ(SR)² is used.
 *
 * @param sharpePerPeriod      SR, per bar
 * @param expectedMaxSharpe    SR0, per bar
 * @param sharpeStdError       σ(SR)
 * @param probability          DSR, in [0, 1]
 */
public record DeflatedSharpeRatio(double sharpePerPeriod, double expectedMaxSharpe, double sharpeStdError,
                                  double skewness, double kurtosis, int observations, int trials,
                                  double probability) {

    static final double EULER_MASCHERONI = 0.5772156649015329;

    /**
     * @param returns               per-bar equity returns ({@link PerformanceCalculator#perBarReturns(double[])})
     * @param trials                candidates tried, at least 1
     * @param sharpeVarianceAcrossTrials variance of the candidates' per-bar Sharpe ratios, or NaN if unknown
     * @return the result, or {@code null} when it is undefined: fewer than 3 returns or returns without variance
     */
    public static DeflatedSharpeRatio compute(double[] returns, int trials, double sharpeVarianceAcrossTrials) {
        if (trials < 1) {
            throw new IllegalArgumentException("deflated Sharpe: trials must be at least 1, got " + trials);
        }
        if (!Double.isNaN(sharpeVarianceAcrossTrials) && !(sharpeVarianceAcrossTrials >= 0)) {
            throw new IllegalArgumentException("deflated Sharpe: variance across trials must be >= 0, got "
                    + sharpeVarianceAcrossTrials);
        }
        int t = returns.length;
        if (t < 3) {
            return null;
        }
        double mean = 0;
        for (double r : returns) {
            mean += r;
        }
        mean /= t;
        double m2 = 0, m3 = 0, m4 = 0;
        for (double r : returns) {
            double d = r - mean, d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        if (m2 == 0) {
            return null;
        }
        m2 /= t;
        m3 /= t;
        m4 /= t;
        double skew = m3 / Math.pow(m2, 1.5), kurt = m4 / (m2 * m2);
        double sr = PerformanceCalculator.perPeriodSharpe(returns);
        return fromMoments(sr, skew, kurt, t, trials, sharpeVarianceAcrossTrials);
    }

    /** The formula on given moments, e.g. to reproduce the paper's example. */
    public static DeflatedSharpeRatio fromMoments(double sr, double skew, double kurt, int observations, int trials,
                                                  double sharpeVarianceAcrossTrials) {
        double varianceTerm = 1 - skew * sr + (kurt - 1) / 4 * sr * sr;
        double se = Math.sqrt(Math.max(varianceTerm, 0) / (observations - 1));
        double v = Double.isNaN(sharpeVarianceAcrossTrials) ? se * se : sharpeVarianceAcrossTrials;
        double sr0 = trials == 1 ? 0 : Math.sqrt(v) * ((1 - EULER_MASCHERONI)
                * StandardNormal.inverseCdf(1 - 1.0 / trials)
                + EULER_MASCHERONI * StandardNormal.inverseCdf(1 - 1.0 / (trials * Math.E)));
        double probability = se == 0 ? (sr > sr0 ? 1 : 0) : StandardNormal.cdf((sr - sr0) / se);
        return new DeflatedSharpeRatio(sr, sr0, se, skew, kurt, observations, trials, probability);
    }
}
