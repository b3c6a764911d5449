package io.omega.app.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Node.js client of src/test/node, run as Node runs it: its files are copied to a directory under target/,
 * {@code npm ci} installs the exact versions its lock file names (from a cache under target/, so a second build
 * needs no network), and each script runs as a process of its own.
 */
final class NodeScripts {

    private static final Path SOURCES = Path.of("src", "test", "node");
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

    /** What a script printed: stdout line by line, stderr whole. */
    record Run(int exit, List<String> lines, String err) {
    }

    private final Path dir;

    private NodeScripts(Path dir) {
        this.dir = dir;
    }

    /** Whether {@code node} and {@code npm} answer on PATH; the reason when not. */
    static String missingTools() {
        for (String tool : List.of("node", "npm")) {
            try {
                Process process = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
                process.getInputStream().readAllBytes();
                if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    return tool + " --version failed";
                }
            } catch (IOException e) {
                return tool + " is not on PATH";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
        return null;
    }

    /** Copies the client into {@code dir} and installs its locked dependencies there. */
    static NodeScripts install(Path dir, Path npmCache) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        NodeScripts scripts = new NodeScripts(dir);
        Run install = scripts.run(INSTALL_TIMEOUT, List.of("npm", "ci", "--prefer-offline", "--no-audit", "--no-fund",
                "--cache", npmCache.toAbsolutePath().toString()));
        if (install.exit() != 0) {
            throw new IllegalStateException("npm ci failed in " + dir + " (exit " + install.exit() + "):\n"
                    + String.join("\n", install.lines()) + "\n" + install.err());
        }
        return scripts;
    }

    Run node(Duration timeout, String script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        return run(timeout, command);
    }

    private Run run(Duration timeout, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out-", ".txt");
        Path err = Files.createTempFile(dir, "err-", ".txt");
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException(command + " did not finish within " + timeout + "; stderr:\n"
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        try {
            return new Run(process.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
