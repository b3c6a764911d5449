package io.omega.controller.shadow;

import io.omega.learning.backtest.BacktestResult;
import io.omega.learning.backtest.BacktestSettings;
import io.omega.learning.backtest.Backtester;
import io.omega.learning.backtest.BarPrices;
import io.omega.learning.backtest.Bars;
import io.omega.learning.backtest.ClassProbabilities;
import io.omega.learning.metrics.PerformanceCalculator;
import io.omega.learning.metrics.PerformanceMetrics;
import io.omega.controller.view.JsonMetrics;
import io.omega.schemas.event.Decision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Shadow models scored live beside production: every decision a shadow model logs ({@code is_shadow}) becomes a
 * virtual trade on the same prices as production's, under the same rules as the backtester's (thresholds, stops,
 * targets, timeout, fees and slippage), and production's own decisions are scored the same way on the same bars.
 * So "shadow vs production" compares like with like, and no shadow decision ever trades.
 *
 * <p>Bars are production's decision times and prices per symbol; a shadow model is scored on the bars where it
 * decided too. Holds the last {@code maxBars} bars per symbol.
 */
public final class ShadowComparison {

    /** One shadow model against production on the same bars. */
    public record SideBySide(String modelType, String version, String symbol, int bars, PerformanceMetrics shadow,
                             PerformanceMetrics production, double[] shadowEquity, double[] productionEquity) {
    }

    private record Probabilities(double pLong, double pShort, double pFlat) {
        static Probabilities of(Decision d) {
            Map<String, Double> p = d.getClassProbabilities();
            return new Probabilities(clamp(p.getOrDefault("LONG", 0.0)), clamp(p.getOrDefault("SHORT", 0.0)),
                    clamp(p.getOrDefault("FLAT", 0.0)));
        }
    }

    /** Production's decision at a bar: the close, the open, high and low it logged (or the close), its probabilities. */
    private record Bar(double price, double open, double high, double low, Probabilities production) {
        static Bar of(Decision d) {
            BarPrices.Ohlc bar = BarPrices.of(d.getMarketFeatures(), d.getPrice());
            return new Bar(bar.close(), bar.open(), bar.high(), bar.low(), Probabilities.of(d));
        }
    }

    private final BacktestSettings settings;
    private final int maxBars;
    private final Map<String, TreeMap<Long, Bar>> productionBySymbol = new TreeMap<>();
    private final Map<String, TreeMap<Long, Probabilities>> shadowByModel = new TreeMap<>();

    public ShadowComparison(BacktestSettings settings, int maxBars) {
        this.settings = settings;
        this.maxBars = maxBars;
    }

    public synchronized void apply(Decision d) {
        if (d.getBackfilled()) {
            return; // history, not what production and the shadows decided side by side
        }
        long time = d.getEventTime().toEpochMilli();
        if (d.getIsShadow()) {
            shadowByModel.computeIfAbsent(key(d.getModelType(), d.getModelVersion(), d.getSymbol()), k -> new TreeMap<>())
                    .put(time, Probabilities.of(d));
            trim(shadowByModel.get(key(d.getModelType(), d.getModelVersion(), d.getSymbol())));
        } else if (d.getPrice() > 0 && Double.isFinite(d.getPrice())) {
            TreeMap<Long, Bar> bars = productionBySymbol.computeIfAbsent(d.getSymbol(), s -> new TreeMap<>());
            bars.put(time, Bar.of(d));
            trim(bars);
        }
    }

    /** Every shadow model that has at least two bars in common with production, scored side by side. */
    public synchronized List<SideBySide> compare() {
        List<SideBySide> out = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Long, Probabilities>> shadow : shadowByModel.entrySet()) {
            String[] parts = shadow.getKey().split("\\|", 3);
            TreeMap<Long, Bar> production = productionBySymbol.getOrDefault(parts[2], new TreeMap<>());
            long[] times = shadow.getValue().keySet().stream().filter(production::containsKey)
                    .mapToLong(Long::longValue).toArray();
            if (times.length < 2) {
                continue;
            }
            double[] price = new double[times.length];
            double[] open = new double[times.length];
            double[] high = new double[times.length];
            double[] low = new double[times.length];
            double[][] shadowP = new double[3][times.length];
            double[][] productionP = new double[3][times.length];
            for (int i = 0; i < times.length; i++) {
                Bar bar = production.get(times[i]);
                price[i] = bar.price();
                open[i] = bar.open();
                high[i] = bar.high();
                low[i] = bar.low();
                fill(productionP, i, bar.production());
                fill(shadowP, i, shadow.getValue().get(times[i]));
            }
            Bars bars = new Bars(times, open, high, low, price);
            double periodsPerYear = PerformanceCalculator.periodsPerYear24x7(bars.medianStepMillis());
            BacktestResult shadowRun = new Backtester(settings).run(bars, probabilities(shadowP));
            BacktestResult productionRun = new Backtester(settings).run(bars, probabilities(productionP));
            out.add(new SideBySide(parts[0], parts[1], parts[2], times.length,
                    PerformanceCalculator.evaluate(shadowRun, periodsPerYear),
                    PerformanceCalculator.evaluate(productionRun, periodsPerYear),
                    shadowRun.equity(), productionRun.equity()));
        }
        return out;
    }

    /** For the status JSON: metrics side by side and equity curves thinned to at most {@code points} points. */
    public static Map<String, Object> describe(SideBySide s, int points) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model_type", s.modelType());
        m.put("version", s.version());
        m.put("symbol", s.symbol());
        m.put("bars", s.bars());
        m.put("shadow", JsonMetrics.finite(s.shadow().asMap()));
        m.put("production", JsonMetrics.finite(s.production().asMap()));
        m.put("shadow_equity", thin(s.shadowEquity(), points));
        m.put("production_equity", thin(s.productionEquity(), points));
        return m;
    }

    static double[] thin(double[] series, int points) {
        if (series.length <= points) {
            return series.clone();
        }
        double[] out = new double[points];
        for (int i = 0; i < points; i++) {
            out[i] = series[(int) Math.round(i * (series.length - 1.0) / (points - 1))];
        }
        return out;
    }

    private static void fill(double[][] p, int i, Probabilities probabilities) {
        p[0][i] = probabilities.pLong();
        p[1][i] = probabilities.pShort();
        p[2][i] = probabilities.pFlat();
    }

    private static ClassProbabilities probabilities(double[][] p) {
        return new ClassProbabilities(p[0], p[1], p[2]);
    }

    private void trim(TreeMap<Long, ?> series) {
        while (series.size() > maxBars) {
            series.pollFirstEntry();
        }
    }

    private static double clamp(double p) {
        return Double.isFinite(p) ? Math.max(0, Math.min(1, p)) : 0;
    }

    private static String key(String type, String version, String symbol) {
        return type + "|" + version + "|" + symbol;
    }
}
