package io.omega.paper.features;

import io.omega.paper.market.Bar;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The market features of each bar, from that bar and the ones before it only (nothing from the future), for one
 * symbol. They are what a decision logs in {@code market_features}, so what the models train on is exactly what the
 * engine computed live. Empty until {@link #WARM_UP} bars have been seen.
 *
 * <ul>
 *   <li>{@code ret_1}, {@code ret_5}, {@code ret_15}: close-to-close returns over 1, 5 and 15 bars;</li>
 *   <li>{@code vol_15}: standard deviation of the last 15 one-bar returns;</li>
 *   <li>{@code range}: (high − low) / close;</li>
 *   <li>{@code volume_z}: the bar's volume against the mean and deviation of the 30 bars before it (0 when those do
 *       not vary);</li>
 *   <li>{@code rsi_14}: relative strength index over 14 bars, simple averages, 0..100.</li>
 * </ul>
 */
public final class BarFeatures {

    public static final int WARM_UP = 31;
    private static final int KEEP = 31;

    private final Deque<Bar> bars = new ArrayDeque<>();

    public Optional<Map<String, Double>> update(Bar bar) {
        bars.addLast(bar);
        while (bars.size() > KEEP) {
            bars.removeFirst();
        }
        if (bars.size() < WARM_UP) {
            return Optional.empty();
        }
        Bar[] b = bars.toArray(new Bar[0]);
        int last = b.length - 1;
        double close = b[last].close();
        double[] returns = new double[last];
        for (int i = 1; i <= last; i++) {
            returns[i - 1] = b[i].close() / b[i - 1].close() - 1;
        }
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("ret_1", returns[returns.length - 1]);
        f.put("ret_5", close / b[last - 5].close() - 1);
        f.put("ret_15", close / b[last - 15].close() - 1);
        f.put("vol_15", std(returns, returns.length - 15, returns.length));
        f.put("range", (b[last].high() - b[last].low()) / close);
        double[] volumes = new double[30];
        for (int i = 0; i < 30; i++) {
            volumes[i] = b[last - 30 + i].volume();
        }
        double volumeStd = std(volumes, 0, 30);
        f.put("volume_z", volumeStd == 0 ? 0 : (b[last].volume() - mean(volumes, 0, 30)) / volumeStd);
        double gains = 0;
        double losses = 0;
        for (int i = returns.length - 14; i < returns.length; i++) {
            double change = b[i + 1].close() - b[i].close();
            if (change > 0) {
                gains += change;
            } else {
                losses -= change;
            }
        }
        f.put("rsi_14", gains + losses == 0 ? 50 : 100 * gains / (gains + losses));
        return Optional.of(f);
    }

    private static double mean(double[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i];
        }
        return sum / (to - from);
    }

    private static double std(double[] x, int from, int to) {
        double m = mean(x, from, to);
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (x[i] - m) * (x[i] - m);
        }
        return Math.sqrt(sum / (to - from));
    }
}
