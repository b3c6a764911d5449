package io.omega.evaluator.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.omega.evaluator.evaluate.EvaluationOutcome;
import io.omega.evaluator.evaluate.ModelEvaluation;
import io.omega.learning.metrics.BootstrapResult;
import io.omega.learning.metrics.DeflatedSharpeRatio;
import io.omega.learning.metrics.PerformanceMetrics;
import io.omega.store.format.AtomicFiles;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Saves an evaluation report: {@code <data-dir>/reports/evaluation_<type>_<version>.json}, {@code .md}
 * and {@code .png} (equity curves of candidate and production, and their drawdowns). Each file is written as the
 * experience files are ({@link AtomicFiles}: a temporary name, fsync, an atomic move), so a reader never sees half
 * a report.
 */
public final class EvaluationReportWriter {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 420;

    private final Path reportsDir;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public EvaluationReportWriter(Path dataDir) {
        this.reportsDir = dataDir.resolve("reports");
    }

    /** The three files of one evaluation. */
    public record Report(Path json, Path markdown, Path chart) {
    }

    public Report saveEvaluationReport(EvaluationOutcome outcome) {
        String base = "evaluation_" + outcome.candidate().modelType() + "_" + outcome.candidate().version();
        Report report = new Report(reportsDir.resolve(base + ".json"), reportsDir.resolve(base + ".md"),
                reportsDir.resolve(base + ".png"));
        try {
            AtomicFiles.write(report.chart(), tmp -> ImageIO.write(chart(outcome), "png", tmp.toFile()));
            AtomicFiles.write(report.json(), tmp -> json.writeValue(tmp.toFile(), document(outcome)));
            AtomicFiles.write(report.markdown(), tmp -> Files.writeString(tmp, markdown(outcome, report.chart().getFileName())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the evaluation report under " + reportsDir + ": "
                    + e.getMessage(), e);
        }
        return report;
    }

    static Map<String, Object> document(EvaluationOutcome o) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("model_type", o.candidate().modelType());
        doc.put("version", o.candidate().version());
        doc.put("baseline_version", o.production().map(ModelEvaluation::version).orElse(null));
        doc.put("recommendation", o.recommendation().name());
        doc.put("symbol", o.symbol());
        doc.put("window", Map.of("from", o.from().toString(), "to", o.to().toString(), "bars", o.bars(),
                "bar_seconds", o.barMillis() / 1000.0, "sharpe_periods_per_year",
                o.candidate().metrics().periodsPerYear()));
        doc.put("candidate", side(o.candidate()));
        o.production().ifPresent(p -> doc.put("production", side(p)));
        Map<String, Object> champion = new LinkedHashMap<>();
        champion.put("version", o.champion().version());
        champion.putAll(side(o.champion()));
        doc.put("champion", champion);
        doc.put("edge_test", Map.of("p_value", o.edge().pValue(), "trials", o.edge().trials(),
                "sharpe_per_bar", o.edge().sharpePerBar(), "expected_max_sharpe_per_bar", o.edge().expectedMaxSharpe()));
        doc.put("improvement_test", Map.of("p_value", o.improvement().pValue(),
                "mean_difference", o.improvement().meanDifference(), "standard_error", o.improvement().standardError(),
                "lags", o.improvement().lags(), "bars", o.improvement().bars()));
        return doc;
    }

    private static Map<String, Object> side(ModelEvaluation e) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> metrics = new LinkedHashMap<>(e.metrics().asMap());
        metrics.put("profit_factor", e.metrics().profitFactorInfinite() ? "inf" : e.metrics().profitFactor());
        m.put("metrics", metrics);
        BootstrapResult b = e.bootstrap();
        if (b != null) {
            m.put("bootstrap", Map.of("resamples", b.resamples(), "confidence", b.confidence(), "seed", b.seed(),
                    "trade_sharpe", List.of(b.tradeSharpeLow(), b.tradeSharpe(), b.tradeSharpeHigh()),
                    "win_rate", List.of(b.winRateLow(), b.winRate(), b.winRateHigh()),
                    "p_value_no_edge", b.pValueNoEdge()));
        }
        DeflatedSharpeRatio d = e.deflatedSharpe();
        if (d != null) {
            m.put("deflated_sharpe", Map.of("probability", d.probability(), "trials", d.trials(),
                    "sharpe_per_bar", d.sharpePerPeriod(), "expected_max_sharpe_per_bar", d.expectedMaxSharpe()));
        }
        return m;
    }

    static String markdown(EvaluationOutcome o, Path chart) {
        StringBuilder md = new StringBuilder();
        ModelEvaluation c = o.candidate();
        md.append("# Evaluation of ").append(c.modelType()).append(' ').append(c.version()).append("\n\n");
        md.append("**Recommendation: ").append(o.recommendation()).append("**\n\n");
        md.append(String.format(Locale.ROOT, "Window: %s, %s .. %s, %d bars of %.0f s (Sharpe annualised by %.0f "
                        + "periods per year, 365 × bars per day). Walk-forward: after the training and validation data.%n%n",
                o.symbol(), o.from(), o.to(), o.bars(), o.barMillis() / 1000.0, c.metrics().periodsPerYear()));
        List<ModelEvaluation> sides = new ArrayList<>();
        sides.add(c);
        o.production().ifPresent(sides::add);
        md.append("| metric | candidate ").append(c.version());
        o.production().ifPresent(p -> md.append(" | production ").append(p.version()));
        md.append(" |\n|---|---").append(o.production().isPresent() ? "|---" : "").append("|\n");
        for (String key : c.metrics().asMap().keySet()) {
            md.append("| ").append(key);
            for (ModelEvaluation side : sides) {
                md.append(" | ").append(format(side.metrics(), key));
            }
            md.append(" |\n");
        }
        md.append('\n');
        for (ModelEvaluation side : sides) {
            BootstrapResult b = side.bootstrap();
            DeflatedSharpeRatio d = side.deflatedSharpe();
            md.append("- ").append(side == c ? "Candidate" : "Production").append(": ");
            md.append(b == null ? "fewer than 2 trades, no bootstrap" : String.format(Locale.ROOT,
                    "bootstrap (%d resamples) %.0f %% interval of the trade Sharpe %.2f .. %.2f, of the win rate "
                            + "%.1f .. %.1f %%, p-value against no edge %.4f", b.resamples(), b.confidence() * 100,
                    b.tradeSharpeLow(), b.tradeSharpeHigh(), b.winRateLow(), b.winRateHigh(), b.pValueNoEdge()));
            md.append(d == null ? "; deflated Sharpe undefined (no variance)" : String.format(Locale.ROOT,
                    "; deflated Sharpe ratio %.4f over %d candidate(s)", d.probability(), d.trials()));
            md.append('\n');
        }
        md.append(String.format(Locale.ROOT, "- Edge test: p = %.4f of no edge over %d candidate(s) tried%n",
                o.edge().pValue(), o.edge().trials()));
        md.append(String.format(Locale.ROOT, "- Improvement test over the champion %s (%s): p = %.4f, mean per-bar "
                        + "return difference %.6f %% (standard error %.6f %%, %d lags, %d bars)%n",
                o.champion().version(), o.production().isPresent() ? "production" : "the engine's rules",
                o.improvement().pValue(), o.improvement().meanDifference() * 100,
                o.improvement().standardError() * 100, o.improvement().lags(), o.improvement().bars()));
        md.append("\n![Equity and drawdown](").append(chart).append(")\n");
        return md.toString();
    }

    private static String format(PerformanceMetrics m, String key) {
        if (key.equals("profit_factor")) {
            return m.profitFactorDisplay();
        }
        double v = m.asMap().get(key);
        return key.endsWith("_trades") ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.4f", v);
    }

    static BufferedImage chart(EvaluationOutcome o) {
        XYChart equity = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Equity: " + o.candidate().modelType() + " " + o.candidate().version() + " vs production")
                .xAxisTitle("bar").yAxisTitle("equity").build();
        XYChart drawdown = new XYChartBuilder().width(WIDTH).height(HEIGHT / 2 + 60).title("Drawdown (% of peak)")
                .xAxisTitle("bar").yAxisTitle("%").build();
        add(equity, drawdown, "candidate " + o.candidate().version(), o.candidate().backtest().equity(), Color.BLUE);
        o.production().ifPresent(p -> add(equity, drawdown, "production " + p.version(), p.backtest().equity(),
                Color.DARK_GRAY));
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT + HEIGHT / 2 + 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        equity.paint(g, WIDTH, HEIGHT);
        g.translate(0, HEIGHT);
        drawdown.paint(g, WIDTH, HEIGHT / 2 + 60);
        g.dispose();
        return image;
    }

    private static void add(XYChart equityChart, XYChart drawdownChart, String name, double[] equity, Color color) {
        double[] x = new double[equity.length];
        double[] dd = new double[equity.length];
        double peak = equity.length == 0 ? 0 : equity[0];
        for (int i = 0; i < equity.length; i++) {
            x[i] = i;
            peak = Math.max(peak, equity[i]);
            dd[i] = peak > 0 ? -(peak - equity[i]) / peak * 100 : 0;
        }
        equityChart.addSeries(name, x, equity).setMarker(SeriesMarkers.NONE).setLineColor(color);
        drawdownChart.addSeries(name, x, dd).setMarker(SeriesMarkers.NONE).setLineColor(color);
    }
}
