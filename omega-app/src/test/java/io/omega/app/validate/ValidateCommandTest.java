package io.omega.app.validate;

import io.omega.app.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input to {@code omega validate} is a usage error before any run starts. */
class ValidateCommandTest {

    @Test
    void anUnknownScenarioIsNamedWithTheOnesThereAre() {
        CliRun run = CliRun.of("validate", "--scenarios", "random-walk,sideways");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("--scenarios / --signal-strength: unknown scenario 'sideways': expected one of "
                + "[random-walk, planted-signal, regime-flip] or bitstamp");
    }

    @Test
    void aSignalStrengthOutsideItsRangeAndNoSeedsAreRefused() {
        CliRun weak = CliRun.of("validate", "--scenarios", "planted-signal", "--signal-strength", "0.3");
        assertThat(weak.exit()).isEqualTo(2);
        assertThat(weak.err()).startsWith("--scenarios / --signal-strength: signal strength must be in [0.5, 1], got 0.3");

        CliRun noTime = CliRun.of("validate", "--scenarios", "bitstamp", "--minutes", "0");
        assertThat(noTime.exit()).isEqualTo(2);
        assertThat(noTime.err()).startsWith("--seeds needs at least one seed and --minutes a positive number, got [1, 2, 3] and 0.0");
    }

    @Test
    void aRunDirectoryAnEarlierValidateLeftIsRefusedBeforeAnyRunStarts(@TempDir Path dir) throws Exception {
        Path earlier = dir.resolve("planted-signal-2");
        Files.createDirectories(earlier.resolve("kafka"));

        CliRun run = CliRun.of("validate", "--scenarios", "random-walk,planted-signal", "--seeds", "1,2",
                "--data-dir", dir.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("--data-dir: " + earlier + " already holds an earlier run ("
                + earlier.resolve("kafka") + "): give a new directory, or remove it");
        assertThat(run.out()).doesNotContain("OMEGA validate: runs under");
        assertThat(dir.resolve("random-walk-1")).doesNotExist();
    }
}
