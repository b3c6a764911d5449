package io.omega.app.kafka;

import io.omega.app.ConfigOption;
import io.omega.config.OmegaConfig;
import io.omega.kafka.embedded.BrokerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code omega kafka}: a standalone single-node KRaft broker with OMEGA's topics, until Ctrl-C. */
@Command(name = "kafka", description = "Run an embedded single-node Kafka broker (KRaft) with OMEGA's topics installed.")
public final class KafkaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data/kafka",
            description = "Where the broker keeps its log (default: ${DEFAULT-VALUE}); reused across restarts.")
    Path dataDir;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "9092", description = "Client port, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--controller-port", defaultValue = "0",
            description = "KRaft controller port, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int controllerPort;

    @Override
    public Integer call() throws InterruptedException {
        OmegaConfig omega = config.load();
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        try (StandaloneKafka kafka = StandaloneKafka.start(
                new BrokerSettings(dataDir, host, port, controllerPort, Map.of()), omega.kafka())) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                kafka.close();
                stopped.countDown();
            }, "omega-kafka-shutdown"));
            out.printf("Kafka ready on %s (data in %s); topics created %d, already present %d%n",
                    kafka.bootstrapServers(), dataDir.toAbsolutePath(), kafka.topics().created().size(),
                    kafka.topics().alreadyPresent().size());
            out.println("Press Ctrl-C to stop.");
            out.flush();
            stopped.await();
        }
        return 0;
    }
}
