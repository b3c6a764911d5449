package io.omega.sink;

import io.micrometer.core.instrument.MeterRegistry;
import io.omega.config.OmegaConfig;
import io.omega.schemas.serde.OmegaSerdes;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the sink in the calling thread until the JVM is asked to stop (Ctrl-C, SIGTERM): the shutdown hook stops
 * consuming, and the sink publishes and commits what it has buffered before the JVM exits.
 */
public final class SinkRunner {

    private SinkRunner() {
    }

    public static void runUntilStopped(OmegaConfig config, MeterRegistry metrics, PrintWriter out) throws InterruptedException {
        runUntilStopped(config, metrics, out, sink -> { });
    }

    /** As above; {@code created} is handed the sink before it runs, e.g. to report its health. */
    public static void runUntilStopped(OmegaConfig config, MeterRegistry metrics, PrintWriter out,
                                       Consumer<TradeLoggerSink> created) throws InterruptedException {
        SinkSettings settings = SinkSettings.from(config);
        TradeLoggerSink sink = new TradeLoggerSink(settings, new OmegaSerdes(config.schemaRegistry()), metrics,
                Clock.systemUTC());
        created.accept(sink);
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            sink.close();
            try {
                // The JVM halts when this hook returns: wait until the sink has written, committed and said so.
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "omega-sink-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.printf("Sink consuming %s from %s (group %s) into %s as %s%n", String.join(", ",
                        io.omega.sink.decode.SinkTopic.names()), settings.bootstrapServers(), settings.groupId(),
                settings.dataDir().resolve("experiences").toAbsolutePath(), settings.format().extension());
        out.println("Press Ctrl-C to stop.");
        out.flush();
        try {
            sink.run();
            out.println("Sink stopped: " + sink.stats().snapshot());
            out.flush();
        } finally {
            finished.countDown();
        }
    }
}
