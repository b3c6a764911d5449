package io.omega.sink;

import io.omega.service.ServiceRunner;

import java.io.PrintWriter;
import java.util.Optional;

/** What {@code omega sink} and {@link SinkMain} print: where it serves, what it consumes, what it logged. */
public final class SinkConsole implements ServiceRunner.Listener {

    private final PrintWriter out;
    private final SinkService sink;

    public SinkConsole(PrintWriter out, SinkService sink) {
        this.out = out;
        this.sink = sink;
    }

    @Override
    public void running(Optional<String> metricsUrl) {
        metricsUrl.ifPresent(url -> out.println("Sink metrics on " + url));
        out.println(sink.describe());
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    @Override
    public void stopped() {
        out.println("Sink stopped: " + sink.sink().stats().snapshot());
        out.flush();
    }
}
