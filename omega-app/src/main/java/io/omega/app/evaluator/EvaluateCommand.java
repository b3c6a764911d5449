package io.omega.app.evaluator;

import io.omega.app.ConfigOption;
import io.omega.app.progress.ProgressBars;
import io.omega.config.OmegaConfig;
import io.omega.evaluator.evaluate.EvaluationOutcome;
import io.omega.evaluator.evaluate.Evaluators;
import io.omega.evaluator.evaluate.ModelEvaluation;
import io.omega.evaluator.evaluate.ModelEvaluator;
import me.tongfei.progressbar.ProgressBar;
import io.omega.evaluator.report.EvaluationReportWriter;
import io.omega.learning.metrics.BootstrapResult;
import io.omega.learning.metrics.PerformanceMetrics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code omega evaluate}: the seed's offline evaluation. Backtests one model version (beside a production version
 * when given) on the walk-forward window and prints the figures and the recommendation.
 */
@Command(name = "evaluate", description = "Backtest a model version on the data after its training window.")
public final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Option(names = "--model-type", required = true, description = "cnn or lstm")
    String modelType;

    @Option(names = "--version", required = true, description = "e.g. 20250124_120000")
    String version;

    // --version names the model version here, so the inherited -V/--version (and with it -h/--help) cannot apply.
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--against", description = "a production version to compare with on the same bars")
    String against;

    @Option(names = "--days-back", description = "days of experience to look at (default: training.days_back)")
    Integer daysBack;

    @Option(names = "--save-report", description = "write reports/evaluation_<type>_<version>.{json,md,png}")
    boolean saveReport;

    @Option(names = "--live", description = "replay the version over the periods it was in production, from the "
            + "logged data, and print its live trades beside the replayed ones; exit 1 when they differ")
    boolean live;

    @Override
    public Integer call() {
        OmegaConfig loaded = config.load();
        PrintWriter out = spec.commandLine().getOut();
        if (live) {
            if (against != null || saveReport) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--live compares a version with its own live record: --against and --save-report do not apply");
            }
            return new LiveReplayPrinter(out).print(Evaluators.liveReplay(loaded, Clock.systemUTC()).replay(
                    modelType.toLowerCase(Locale.ROOT), version,
                    daysBack != null ? daysBack : loaded.training().daysBack()));
        }
        EvaluationOutcome outcome;
        try (ProgressBar bar = ProgressBars.onStandardError("Evaluating " + version, ModelEvaluator.STAGES.size())) {
            outcome = Evaluators.fromConfig(loaded, Clock.systemUTC()).evaluateModel(
                    modelType.toLowerCase(Locale.ROOT), version, Optional.ofNullable(against),
                    daysBack != null ? daysBack : loaded.training().daysBack(), 1, stage -> {
                        bar.stepTo(ModelEvaluator.STAGES.indexOf(stage));
                        bar.setExtraMessage(stage);
                    });
            bar.stepTo(ModelEvaluator.STAGES.size());
            bar.setExtraMessage("done");
        }
        out.printf("Window          %s, %s .. %s, %d bars%n", outcome.symbol(), outcome.from(), outcome.to(),
                outcome.bars());
        print(out, outcome.candidate());
        outcome.production().ifPresent(p -> {
            out.println();
            out.println("Production " + p.version() + ":");
            print(out, p);
        });
        out.println();
        out.println("Recommendation  " + outcome.recommendation());
        if (saveReport) {
            EvaluationReportWriter.Report report = new EvaluationReportWriter(loaded.storage().dataDir())
                    .saveEvaluationReport(outcome);
            out.println("Report          " + report.markdown());
        }
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, ModelEvaluation e) {
        PerformanceMetrics m = e.metrics();
        out.printf(Locale.ROOT, "Total Trades    %d (%d won, %d lost)%n", m.totalTrades(), m.winningTrades(),
                m.losingTrades());
        out.printf(Locale.ROOT, "Win Rate        %.2f %%%n", m.winRate());
        out.printf(Locale.ROOT, "Total PnL       %.2f (%.2f %%)%n", m.totalPnl(), m.returnPct());
        out.printf(Locale.ROOT, "Sharpe          %.3f%n", m.sharpeRatio());
        out.printf(Locale.ROOT, "Max Drawdown    %.2f %%%n", m.maxDrawdown());
        out.printf(Locale.ROOT, "Profit Factor   %s%n", m.profitFactorDisplay());
        BootstrapResult b = e.bootstrap();
        if (b != null) {
            out.printf(Locale.ROOT, "Confidence      %.0f %%: win rate %.1f .. %.1f %%, trade Sharpe %.2f .. %.2f, "
                            + "p(no edge) %.4f%n", b.confidence() * 100, b.winRateLow(), b.winRateHigh(),
                    b.tradeSharpeLow(), b.tradeSharpeHigh(), b.pValueNoEdge());
        }
        if (e.deflatedSharpe() != null) {
            out.printf(Locale.ROOT, "Deflated Sharpe %.4f%n", e.deflatedSharpe().probability());
        }
    }
}
