package io.omega.app.sink;

import io.omega.app.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
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
        StringWriter err = new StringWriter();
        var cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("sink", "--config", config.toString());

        assertThat(exit).isEqualTo(Main.EXIT_INVALID);
        assertThat(err.toString()).contains("sink.flush_records").contains("sink.instance_id");
    }

    @Test
    void describesItself() {
        StringWriter out = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));

        assertThat(cli.execute("sink", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: omega sink").contains("--config");
    }
}
