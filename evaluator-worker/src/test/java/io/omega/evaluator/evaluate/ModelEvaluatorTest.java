package io.omega.evaluator.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omega.config.OmegaConfig;
import io.omega.evaluator.report.EvaluationReportWriter;
import io.omega.learning.artifact.ChecksumMismatchException;
import io.omega.learning.artifact.ModelArtifactStore;
import io.omega.learning.backtest.BacktestSettings;
import io.omega.learning.metrics.EdgeTest;
import io.omega.learning.metrics.PairedImprovementTest;
import io.omega.learning.metrics.PerformanceCalculator;
import io.omega.learning.metrics.Recommendation;
import io.omega.learning.metrics.RecommendationThresholds;
import io.omega.schemas.event.TargetType;
import io.omega.schemas.event.TrainingReason;
import io.omega.store.ExperienceStore;
import io.omega.testing.experience.SyntheticExperience;
import io.omega.trainer.dl4j.DeepLearningCandidateTrainer;
import io.omega.trainer.dl4j.TrainingRows;
import io.omega.trainer.job.TrainedCandidate;
import io.omega.trainer.job.TrainingJob;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two real models trained on the same logged data, scored against each other on the walk-forward window. */
class ModelEvaluatorTest {

    private static final Instant NOW = Instant.parse("2025-01-24T12:00:00Z");
    private static final int BARS = 800;

    @TempDir
    static Path dataDir;

    private static String production;
    private static String candidate;

    @BeforeAll
    static void trainTwoModels() throws Exception {
        SyntheticExperience.writeMinuteBars(dataDir, NOW.minusSeconds(60L * BARS), BARS, 3);
        production = train(NOW.minusSeconds(3_600)).version();
        candidate = train(NOW).version();
    }

    private static TrainedCandidate train(Instant at) {
        Clock clock = Clock.fixed(at, ZoneOffset.UTC);
        return new DeepLearningCandidateTrainer(OmegaConfig.defaults().training(),
                new TrainingRows(new ExperienceStore(dataDir, Clock.fixed(NOW, ZoneOffset.UTC))),
                new ModelArtifactStore(dataDir, clock), dataDir, e -> { })
                .train(new TrainingJob("r", "cnn", 2, 2, 32, 20, 5, TargetType.DIRECTION, TrainingReason.MANUAL, "t"));
    }

    private static ModelEvaluator evaluator() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return new ModelEvaluator(new ExperienceStore(dataDir, clock), new ModelArtifactStore(dataDir, clock),
                BacktestSettings.DEFAULTS.withDecisionThreshold(0.5), RecommendationThresholds.DEFAULTS);
    }

    @Test
    void candidateAndProductionAreScoredOnTheSameBarsAfterTheirTrainingData() throws Exception {
        EvaluationOutcome outcome = evaluator().evaluateModel("cnn", candidate, Optional.of(production), 2, 2);

        assertThat(outcome.symbol()).isEqualTo("BTC-USDT-SWAP");
        assertThat(outcome.barMillis()).isEqualTo(60_000);
        assertThat(outcome.candidate().version()).isEqualTo(candidate);
        assertThat(outcome.production()).isPresent();
        ModelEvaluation prod = outcome.production().orElseThrow();
        assertThat(prod.version()).isEqualTo(production);
        assertThat(outcome.candidate().backtest().equity()).hasSize(outcome.bars());
        assertThat(prod.backtest().equity()).hasSize(outcome.bars());
        // The test part is the last 15 % of the windows: well over 50 bars, none of them seen in training.
        assertThat(outcome.bars()).isBetween(50, 200);
        var meta = new ModelArtifactStore(dataDir, Clock.systemUTC()).loadModel(
                io.omega.learning.model.ModelType.CNN, candidate).metadata();
        assertThat(outcome.from()).isAfterOrEqualTo(Instant.parse(meta.dataRange().testStart()));
        assertThat(outcome.candidate().metrics().periodsPerYear()).isEqualTo(525_600.0);
        assertThat(outcome.candidate().metrics().totalTrades())
                .isEqualTo(outcome.candidate().backtest().trades().size());
        assertThat(outcome.recommendation()).isEqualTo(Recommendation.of(outcome.candidate().metrics(),
                outcome.edge(), RecommendationThresholds.DEFAULTS));
        assertThat(outcome.candidate().deflatedSharpe()).isNotNull();
        assertThat(outcome.candidate().deflatedSharpe().trials()).isEqualTo(2);
        // production is the champion; both tests are computed on these bars' returns
        assertThat(outcome.champion()).isSameAs(prod);
        double[] candidateReturns = PerformanceCalculator.perBarReturns(outcome.candidate().backtest().equity());
        assertThat(outcome.edge()).isEqualTo(EdgeTest.run(candidateReturns, 2));
        assertThat(outcome.improvement()).isEqualTo(PairedImprovementTest.run(candidateReturns,
                PerformanceCalculator.perBarReturns(prod.backtest().equity())));
        assertThat(outcome.improvement().bars()).isEqualTo(outcome.bars() - 1);

        EvaluationReportWriter.Report report = new EvaluationReportWriter(dataDir).saveEvaluationReport(outcome);
        assertThat(report.json()).isEqualTo(dataDir.resolve("reports/evaluation_cnn_" + candidate + ".json"));
        JsonNode doc = new ObjectMapper().readTree(report.json().toFile());
        assertThat(doc.get("baseline_version").asText()).isEqualTo(production);
        assertThat(doc.get("recommendation").asText()).isEqualTo(outcome.recommendation().name());
        assertThat(doc.at("/window/bars").asInt()).isEqualTo(outcome.bars());
        assertThat(doc.at("/candidate/metrics/total_trades").asInt())
                .isEqualTo(outcome.candidate().metrics().totalTrades());
        assertThat(doc.at("/production/metrics/win_rate").asDouble())
                .isEqualTo(prod.metrics().winRate());
        assertThat(doc.at("/champion/version").asText()).isEqualTo(production);
        assertThat(doc.at("/edge_test/trials").asInt()).isEqualTo(2);
        assertThat(doc.at("/improvement_test/p_value").asDouble()).isEqualTo(outcome.improvement().pValue());
        String md = Files.readString(report.markdown());
        assertThat(md).contains("# Evaluation of cnn " + candidate).contains("**Recommendation: ")
                .contains("| metric | candidate " + candidate + " | production " + production + " |")
                .contains("| sharpe_ratio |").contains("- Edge test: p = ")
                .contains("- Improvement test over the champion " + production + " (production): p = ").contains("![Equity and drawdown](evaluation_cnn_" + candidate + ".png)");
        BufferedImage png = ImageIO.read(report.chart().toFile());
        assertThat(png.getWidth()).isEqualTo(1000);
        assertThat(png.getHeight()).isEqualTo(690);
        try (var files = Files.list(dataDir.resolve("reports"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "evaluation_cnn_" + candidate + ".json", "evaluation_cnn_" + candidate + ".md",
                    "evaluation_cnn_" + candidate + ".png");
        }
    }

    @Test
    void aNewCandidateIsJudgedOnItsOwnHeldOutBarsOnlyWhileAnyModelCanBeBacktestedOnEverythingAfter() {
        Instant upTo = NOW.minusSeconds(60L * 200);
        String early = new DeepLearningCandidateTrainer(OmegaConfig.defaults().training(),
                new TrainingRows(new ExperienceStore(dataDir, Clock.fixed(NOW, ZoneOffset.UTC))),
                new ModelArtifactStore(dataDir, Clock.fixed(NOW.minusSeconds(7_200), ZoneOffset.UTC)), dataDir, e -> { })
                .train(new TrainingJob("r", "cnn", 2, 1, 32, 20, 5, TargetType.DIRECTION, TrainingReason.TRADE_COUNT,
                        "t", upTo)).version();

        EvaluationOutcome ownData = evaluator().evaluateModel("cnn", early, Optional.empty(), 2, 1, true, stage -> { });
        EvaluationOutcome everything = evaluator().evaluateModel("cnn", early, Optional.empty(), 2, 1);

        assertThat(ownData.to()).isEqualTo(upTo);
        assertThat(everything.to()).isEqualTo(NOW.minusSeconds(60));
        assertThat(ownData.from()).isEqualTo(everything.from());
        assertThat(everything.bars() - ownData.bars()).isEqualTo(199);
    }

    @Test
    void withoutProductionTheCandidateIsScoredAlone() {
        EvaluationOutcome outcome = evaluator().evaluateModel("cnn", candidate, Optional.empty(), 2, 1);
        assertThat(outcome.production()).isEmpty();
        assertThat(outcome.candidate().backtest().equity()).hasSize(outcome.bars());
    }

    @Test
    void withoutProductionTheRulesAreTheChampionOnTheSameBars() {
        EvaluationOutcome outcome = evaluator().evaluateModel("cnn", candidate, Optional.empty(), 2, 5);
        ModelEvaluation rules = outcome.champion();
        assertThat(rules.version()).isEqualTo("rules");
        assertThat(rules.backtest().equity()).hasSize(outcome.bars());
        // The synthetic rows log no ret_5 or vol_15: the rules stay FLAT, so the champion never trades.
        assertThat(rules.metrics().totalTrades()).isZero();
        double[] candidateReturns = PerformanceCalculator.perBarReturns(outcome.candidate().backtest().equity());
        assertThat(outcome.improvement()).isEqualTo(PairedImprovementTest.run(candidateReturns,
                new double[outcome.bars() - 1]));
        assertThat(outcome.edge().trials()).isEqualTo(5);
    }

    @Test
    void aTamperedArtifactIsRefusedNamingTheFile() throws Exception {
        Path copy = dataDir.resolve("models/cnn/cnn_20250101_000000.zip");
        Files.copy(dataDir.resolve("models/cnn/cnn_" + production + ".zip"), copy);
        Files.copy(dataDir.resolve("models/cnn/cnn_" + production + ".json"),
                dataDir.resolve("models/cnn/cnn_20250101_000000.json"));
        Files.write(copy, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> evaluator().evaluateModel("cnn", "20250101_000000", Optional.empty(), 2, 1))
                .isInstanceOf(ChecksumMismatchException.class).hasMessageContaining(copy.toString());
    }
}
