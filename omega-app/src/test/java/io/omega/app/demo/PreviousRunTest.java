package io.omega.app.demo;

import io.omega.app.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A data directory an earlier demo used is refused before anything starts: its broker would come back with it. */
class PreviousRunTest {

    @TempDir
    Path dir;

    @Test
    void aNewOrMerelyExistingDirectoryTakesARunOneWithBrokerDataDoesNot() throws Exception {
        assertThat(PreviousRun.in(dir.resolve("new"))).isEmpty();
        Files.writeString(dir.resolve("demo.log"), "a validate run writes its log here first\n");
        assertThat(PreviousRun.in(dir)).isEmpty();

        Files.createDirectories(dir.resolve("kafka"));

        assertThat(PreviousRun.in(dir)).contains(dir + " already holds an earlier run (" + dir.resolve("kafka")
                + "): give a new directory, or remove it");
    }

    @Test
    void theDemoRefusesADirectoryAnEarlierRunUsedAndStartsNothing() throws Exception {
        Files.createDirectories(dir.resolve("kafka"));

        CliRun demo = CliRun.of("demo", "--data-dir", dir.toString(), "--dashboard-port", "0");

        assertThat(demo.exit()).isEqualTo(2);
        assertThat(demo.err()).startsWith("--data-dir: " + dir + " already holds an earlier run (" + dir.resolve("kafka")
                + "): give a new directory, or remove it");
        assertThat(demo.out()).doesNotContain("OMEGA demo: data under");
    }
}
