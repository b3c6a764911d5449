package io.omega.app.sink;

import io.omega.app.CliRun;
import io.omega.app.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code omega sink} is wired in and refuses to start on a bad configuration, naming the key. */
class SinkCommandTest {

    @TempDir
    Path dir;

    @Test
    void aBadConfigurationStopsStartUpNamingTheKey() throws Exception {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, """
                sink:
                  flush_records: 0
                  instance_id: "has spaces"
                """);
        CliRun run = CliRun.of("sink", "--config", config.toString());

        assertThat(run.exit()).isEqualTo(Main.EXIT_INVALID);
        assertThat(run.err()).contains("sink.flush_records").contains("sink.instance_id");
    }

    @Test
    void describesItself() {
        CliRun help = CliRun.of("sink", "--help");

        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: omega sink").contains("--config");
    }
}
