package io.omega.sink;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omega.config.ConfigException;
import io.omega.config.ConfigLoader;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * {@code java -cp ... io.omega.sink.SinkMain --config FILE}: the sink on its own, for running it without the
 * {@code omega} launcher (and as a child process in the crash test). {@code omega sink} does the same.
 */
public final class SinkMain {

    private SinkMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2 || !"--config".equals(args[0])) {
            System.err.println("usage: SinkMain --config FILE");
            System.exit(2);
        }
        try {
            SinkRunner.runUntilStopped(ConfigLoader.load(Path.of(args[1])), new SimpleMeterRegistry(),
                    new PrintWriter(System.out, true));
        } catch (ConfigException e) {
            System.err.println("invalid configuration:\n" + e.getMessage());
            System.exit(2);
        }
    }
}
