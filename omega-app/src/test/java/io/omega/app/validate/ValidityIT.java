package io.omega.app.validate;

import io.omega.app.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validity check on one seed of each generated market, as {@code omega validate --scenarios
 * random-walk,planted-signal,regime-flip --seeds 1} runs it: the whole loop, held at each retraining until it has
 * settled, must promote nothing (or at most 5 % of the candidates) on a random walk, promote a model that learned the
 * planted signal and never roll it back falsely, and roll back or replace the model of the first half within 100
 * trades of the regime flip. The full run (three seeds each and the bundled trades) is in docs/BENCHMARKS.md.
 */
class ValidityIT {

    @TempDir
    Path dir;

    @Test
    void oneSeedOfEachGeneratedMarketMeetsTheTargets() {
        CliRun run = CliRun.of("validate", "--scenarios", "random-walk,planted-signal,regime-flip", "--seeds", "1",
                "--data-dir", dir.toString());
        String out = run.out();
        assertThat(out).contains("MET     random walk: <= 5 % of candidates promoted",
                "MET     planted signal: a promotion in every seed: seed 1: ",
                "MET     planted signal: no false rollback: 0 false of ",
                "MET     regime flip: rolled back or replaced within 100 trades: seed 1: ");
        assertThat(out).doesNotContain("NOT MET");
        assertThat(run.exit()).as("exit; printed:%n%s%nerr:%n%s", out, run.err()).isZero();
    }
}
