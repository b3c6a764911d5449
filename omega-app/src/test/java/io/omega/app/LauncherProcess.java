package io.omega.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The packaged {@code omega} launcher run as users run it: {@code java -jar omega.jar ARGS} in its own process, its
 * output collected line by line, stopped with SIGTERM.
 */
final class LauncherProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "omega.jar");
    /** The native libraries' jars, beside the jar: its manifest's Class-Path names them relative to it. */
    static final Path LIB = Path.of("target", "lib");

    private final List<String> args;
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private LauncherProcess(List<String> args, Process process) {
        this.args = args;
        this.process = process;
        this.reader = new Thread(this::collect, "launcher-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static LauncherProcess start(List<String> args, Map<String, String> env, Path workDir) {
        return start(JAR, args, env, workDir);
    }

    /** {@code java -jar JAR ARGS}, for a copy of the jar somewhere else. */
    static LauncherProcess start(Path jar, List<String> args, Map<String, String> env, Path workDir) {
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toAbsolutePath().toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            return new LauncherProcess(args, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void collect() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process is gone; what it printed is kept
        }
    }

    /** Waits for a line matching {@code ready}; fails naming the command and everything it printed. */
    String awaitLine(Pattern ready, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        synchronized (lines) {
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (ready.matcher(lines.get(seen)).find()) {
                        return lines.get(seen);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && !reader.isAlive())) {
                    throw new AssertionError("omega " + String.join(" ", args) + " printed no line matching /" + ready
                            + "/ within " + timeout + (process.isAlive() ? "" : " (exited " + process.exitValue() + ")")
                            + "; output:\n" + output());
                }
                lines.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 200)));
            }
        }
    }

    /** Sends SIGTERM and returns the exit status. */
    int terminate(Duration timeout) throws InterruptedException {
        // Through the handle: Process.destroy() also closes our end of the output pipe, losing the stop's last lines.
        process.toHandle().destroy();
        return awaitExit(timeout);
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("omega " + String.join(" ", args) + " still running after " + timeout
                    + "; output:\n" + output());
        }
        reader.join(TimeUnit.SECONDS.toMillis(5));
        return process.exitValue();
    }

    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    String command() {
        return "omega " + String.join(" ", args);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
