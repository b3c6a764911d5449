package io.omega.app.demo;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class LineDroppingOutputTest {

    @Test
    void linesStartingWithThePrefixAreDroppedAndEverythingElsePassesUnchanged() {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(new LineDroppingOutput(target, "Added differentiated op"), true,
                StandardCharsets.UTF_8)) {
            out.println("Added differentiated op lstmLayer");
            out.println("[ 10 s] bars 311 — décisions");
            out.print("Added differentiated");
            out.println(" op ExternalErrorsFn");
            out.println("  Added differentiated op (indented: kept)");
            out.print("no newline at the end");
        }
        assertThat(target.toString(StandardCharsets.UTF_8)).isEqualTo(
                "[ 10 s] bars 311 — décisions\n  Added differentiated op (indented: kept)\nno newline at the end");
    }
}
