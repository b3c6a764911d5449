package io.omega.app.evaluator;

import io.omega.app.ConfigOption;
import io.omega.app.progress.ProgressBars;
import io.omega.app.registry.RegistryEndpoint;
import io.omega.config.OmegaConfig;
import io.omega.evaluator.evaluate.EvaluationOutcome;
import io.omega.evaluator.evaluate.Evaluators;
import io.omega.evaluator.evaluate.ModelEvaluator;
import me.tongfei.progressbar.ProgressBar;
import io.omega.evaluator.report.EvaluationReportWriter;
import io.omega.learning.artifact.ModelArtifactStore;
import io.omega.learning.model.ModelType;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code omega evaluate}: offline evaluation. Backtests one model version (beside a production version
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

    @Option(names = "--registry-url", paramLabel = "URL", description = "the model registry to ask when production "
            + "last changed, for the edge test's trial count (default: http://registry.host:registry.port)")
    String registryUrl;

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
            if (against != null || saveReport || registryUrl != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--live compares a version with its own "
                        + "live record: --against, --save-report and --registry-url do not apply");
            }
            return new LiveReplayPrinter(out).print(Evaluators.liveReplay(loaded, Clock.systemUTC()).replay(
                    modelType.toLowerCase(Locale.ROOT), version,
                    daysBack != null ? daysBack : loaded.training().daysBack()));
        }
        String type = modelType.toLowerCase(Locale.ROOT);
        TrialCount trials = trialCount(loaded, type);
        EvaluationOutcome outcome;
        try (ProgressBar bar = ProgressBars.onStandardError("Evaluating " + version, ModelEvaluator.STAGES.size())) {
            outcome = Evaluators.fromConfig(loaded, Clock.systemUTC()).evaluateModel(type, version,
                    Optional.ofNullable(against), daysBack != null ? daysBack : loaded.training().daysBack(),
                    trials.trials(), stage -> {
                        bar.stepTo(ModelEvaluator.STAGES.indexOf(stage));
                        bar.setExtraMessage(stage);
                    });
            bar.stepTo(ModelEvaluator.STAGES.size());
            bar.setExtraMessage("done");
        }
        var sl = loaded.selfLearning();
        new EvaluationPrinter(out).print(outcome, trials, sl.promotionSignificance(), sl.improvementSignificance());
        if (saveReport) {
            EvaluationReportWriter.Report report = new EvaluationReportWriter(loaded.storage().dataDir())
                    .saveEvaluationReport(outcome);
            out.println("Report          " + report.markdown());
        }
        out.flush();
        return 0;
    }

    /** The candidates of the type tried since production last changed, as far as this machine can tell. */
    private TrialCount trialCount(OmegaConfig loaded, String type) {
        List<String> stored = new ModelArtifactStore(loaded.storage().dataDir(), Clock.systemUTC())
                .versions(ModelType.parse(type));
        String url = RegistryEndpoint.baseUrl(loaded, registryUrl);
        ProductionRecord production = ProductionRecord.ask(RegistryEndpoint.client(loaded, url, null), url, type);
        return TrialCount.of(type, stored, version, Optional.ofNullable(against), production);
    }
}
