package io.omega.app.paper;

import io.omega.app.ConfigOption;
import io.omega.config.OmegaConfig;
import io.omega.paper.PaperTrader;
import io.omega.paper.ReplayRunner;
import io.omega.schemas.serde.OmegaSerdes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code omega paper-trader}: the reference engine on the bundled real trades, until they end or Ctrl-C. */
@Command(name = "paper-trader", description = "Run the reference engine: replay real BTC trades, decide with the "
        + "production model (the baseline until one is promoted), paper-trade, log every experience to Kafka.")
public final class PaperTraderCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Option(names = "--model-type", defaultValue = "cnn", description = "which production model to follow (default: ${DEFAULT-VALUE})")
    String modelType;

    @Override
    public Integer call() throws InterruptedException {
        OmegaConfig loaded = config.load();
        PrintWriter out = spec.commandLine().getOut();
        AtomicBoolean stop = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop.set(true), "omega-paper-trader-shutdown"));
        PaperTrader.Stats stats = ReplayRunner.run(loaded, new OmegaSerdes(loaded.schemaRegistry()), modelType, out,
                stop::get);
        out.println("Paper trader stopped: " + stats);
        out.flush();
        return 0;
    }
}
