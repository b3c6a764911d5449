package io.omega.app.sink;

import io.omega.app.ConfigOption;
import io.omega.service.Health;
import io.omega.service.MetricsEndpoint;
import io.omega.sink.SinkRunner;
import io.omega.sink.health.SinkHealth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code omega sink}: the trade-logger sink, until Ctrl-C. On stop it writes what it has buffered and commits
 * before exiting. With {@code schema_registry.mode: embedded} it can only decode records produced in the same JVM,
 * so a standalone sink needs a real registry ({@code mode: url}).
 */
@Command(name = "sink", description = "Run the trade-logger sink: decisions, executions and outcomes to daily "
        + "Parquet (or CSV) files under storage.data_dir/experiences, exactly once.")
public final class SinkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws InterruptedException {
        var loaded = config.load();
        try (MetricsEndpoint metrics = new MetricsEndpoint(loaded.metrics().host(), loaded.metrics().sinkPort())) {
            spec.commandLine().getOut().println("Sink metrics on " + metrics.url());
            SinkRunner.runUntilStopped(loaded, metrics.registry(), spec.commandLine().getOut(),
                    sink -> metrics.health(() -> {
                        SinkHealth now = sink.health();
                        return new Health(now.up(), now.detail());
                    }));
        }
        return 0;
    }
}
