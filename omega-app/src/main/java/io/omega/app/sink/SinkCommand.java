package io.omega.app.sink;

import io.omega.app.ConfigOption;
import io.omega.config.OmegaConfig;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.service.MetricsEndpoint;
import io.omega.service.ServiceRunner;
import io.omega.sink.SinkConsole;
import io.omega.sink.SinkService;
import io.omega.sink.SinkSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.time.Clock;
import java.util.List;
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
        OmegaConfig loaded = config.load();
        SinkService sink = new SinkService(SinkSettings.from(loaded), new OmegaSerdes(loaded.schemaRegistry()),
                Clock.systemUTC());
        new ServiceRunner(List.of(sink), new MetricsEndpoint.Address(loaded.metrics().host(), loaded.metrics().sinkPort()))
                .run(new SinkConsole(spec.commandLine().getOut(), sink));
        return 0;
    }
}
