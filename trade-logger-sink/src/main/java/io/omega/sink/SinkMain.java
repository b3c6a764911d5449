package io.omega.sink;

import io.omega.config.ConfigException;
import io.omega.config.ConfigLoader;
import io.omega.config.OmegaConfig;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.service.ServiceRunner;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * {@code java -cp ... io.omega.sink.SinkMain --config FILE}: the sink on its own, for running it without the
 * {@code omega} launcher (and as a child process in the crash test). {@code omega sink} does the same, and serves
 * {@code /metrics} besides.
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
            OmegaConfig config = ConfigLoader.load(Path.of(args[1]));
            SinkService sink = new SinkService(SinkSettings.from(config), new OmegaSerdes(config.schemaRegistry()),
                    Clock.systemUTC());
            new ServiceRunner(List.of(sink)).run(new SinkConsole(new PrintWriter(System.out, true), sink));
        } catch (ConfigException e) {
            System.err.println("invalid configuration:\n" + e.getMessage());
            System.exit(2);
        }
    }
}
