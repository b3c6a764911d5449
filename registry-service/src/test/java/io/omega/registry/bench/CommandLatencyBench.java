package io.omega.registry.bench;

import io.omega.kafka.embedded.BrokerSettings;
import io.omega.kafka.embedded.EmbeddedKafkaBroker;
import io.omega.registry.RegistryHarness;
import io.omega.registry.TestArtifacts;
import io.omega.registry.client.ModelRegistration;
import io.omega.registry.client.RegistryClient;
import io.omega.registry.client.RegistryCommands;
import io.omega.registry.model.VersionId;
import io.omega.registry.processor.RegistryProcessor;
import io.omega.schemas.event.RegistryCommand;
import io.omega.schemas.event.RegistryEvent;
import io.omega.schemas.event.RegistryEventType;
import org.HdrHistogram.Histogram;

import java.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Command to event latency (one command in flight) and sustained commands/s (many in flight) of the registry on the
 * in-JVM broker: client producer, transactional processor, read_committed event follower, all real.
 *
 * <p>Run: see registry-service/README.md ("Benchmark"). Arguments: [sequential commands] [pipelined commands] [in flight].
 */
public final class CommandLatencyBench {

    private static final RegistryCommands COMMANDS = new RegistryCommands(Clock.systemUTC());

    private static final double TARGET_P99_MS = 200.0;

    private final RegistryClient client;
    private final TestArtifacts artifacts;
    private Instant nextVersion = Instant.parse("2025-01-24T00:00:00Z");

    private CommandLatencyBench(RegistryClient client, TestArtifacts artifacts) {
        this.client = client;
        this.artifacts = artifacts;
    }

    public static void main(String[] args) throws Exception {
        int sequential = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int pipelined = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int inFlight = args.length > 2 ? Integer.parseInt(args[2]) : 256;
        Path root = Files.createTempDirectory(Path.of("target"), "bench-");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerSettings.loopback(root.resolve("kafka")))) {
            Path dataDir = Files.createDirectories(root.resolve("data"));
            RegistryHarness registry = new RegistryHarness(broker.bootstrapServers(), dataDir);
            try (RegistryProcessor processor = registry.startProcessor();
                 RegistryClient client = registry.client("bench")) {
                CommandLatencyBench bench = new CommandLatencyBench(client, new TestArtifacts(dataDir));
                bench.sequential(300, null);
                Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(30), 3);
                Histogram floor = new Histogram(TimeUnit.SECONDS.toMicros(30), 3);
                double sequentialSeconds = 0;
                try (EchoRoundTrip echo = new EchoRoundTrip(broker.bootstrapServers())) {
                    for (int i = 0; i < 300; i++) {
                        echo.roundTrip();
                    }
                    // Alternating blocks, so both see the same machine noise.
                    int block = Math.max(1, sequential / 8);
                    for (int done = 0; done < sequential; done += block) {
                        long began = System.nanoTime();
                        bench.sequential(Math.min(block, sequential - done), latency);
                        sequentialSeconds += (System.nanoTime() - began) / 1e9;
                        for (int i = 0; i < Math.min(block, sequential - done); i++) {
                            floor.recordValue(echo.roundTrip() / 1000);
                        }
                    }
                }
                double p50 = latency.getValueAtPercentile(50) / 1000.0;
                double p99 = latency.getValueAtPercentile(99) / 1000.0;
                System.out.printf("sequential: %d commands, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms,"
                                + " %.0f commands/s; p99 / target %.0f ms = %.3f%n", latency.getTotalCount(), p50, p99,
                        latency.getValueAtPercentile(99.9) / 1000.0, latency.getMaxValue() / 1000.0,
                        sequential / sequentialSeconds, TARGET_P99_MS, p99 / TARGET_P99_MS);
                double f50 = floor.getValueAtPercentile(50) / 1000.0;
                double f99 = floor.getValueAtPercentile(99) / 1000.0;
                System.out.printf("echo floor (plain consume+produce, same broker): p50 %.2f ms, p99 %.2f ms;"
                        + " registry / floor: p50 %.2fx, p99 %.2fx%n", f50, f99, p50 / f50, p99 / f99);
                Histogram loaded = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
                double rate = bench.pipelined(pipelined, inFlight, loaded);
                System.out.printf("pipelined: %d commands, %d in flight, %.0f commands/s sustained"
                                + " (%.1fx sequential), latency under load p50 %.2f ms, p99 %.2f ms%n", pipelined,
                        inFlight, rate, rate / (sequential / sequentialSeconds),
                        loaded.getValueAtPercentile(50) / 1000.0, loaded.getValueAtPercentile(99) / 1000.0);
                System.out.printf("state: %d events applied, %d versions of cnn%n", client.state().eventsApplied(),
                        client.list("cnn").size());
            }
        }
    }

    /** Register a version, promote it, and every other time roll back: the commands the loop really sends. */
    private RegistryCommand next(int i) {
        return switch (i % 4) {
            case 0 -> register();
            case 1 -> COMMANDS.promote("cnn", VersionId.of(nextVersion.minusSeconds(1)), "bench", "better");
            case 2 -> COMMANDS.rollback("cnn", "bench", "worse");
            default -> COMMANDS.archive("cnn", VersionId.of(nextVersion.minusSeconds(1)), "bench", "superseded");
        };
    }

    private RegistryCommand register() {
        String version = VersionId.of(nextVersion);
        nextVersion = nextVersion.plusSeconds(1);
        TestArtifacts.Artifact artifact = artifacts.write("cnn", version);
        return COMMANDS.register(new ModelRegistration("cnn", version, artifact.uri(), artifact.sha256(),
                Map.of("epochs", "50"), Map.of("win_rate", 55.0, "sharpe_ratio", 1.2), null, null), "bench", "trained");
    }

    private void sequential(int count, Histogram latency) {
        for (int i = 0; i < count; i++) {
            RegistryCommand command = next(i);
            long began = System.nanoTime();
            RegistryEvent event = client.execute(command);
            long micros = (System.nanoTime() - began) / 1000;
            if (event.getEventType() == RegistryEventType.REJECTED && command.getCommandType().name().equals("REGISTER")) {
                throw new IllegalStateException("registration rejected: " + event.getReason());
            }
            if (latency != null) {
                latency.recordValue(micros);
            }
        }
    }

    private double pipelined(int count, int inFlight, Histogram latency) throws Exception {
        // Commands (and their artifacts) are made before the clock starts: only the registry is timed.
        List<RegistryCommand> commands = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            commands.add(next(i));
        }
        Semaphore window = new Semaphore(inFlight);
        List<CompletableFuture<RegistryEvent>> answers = new ArrayList<>(count);
        long began = System.nanoTime();
        for (RegistryCommand command : commands) {
            window.acquire();
            long sent = System.nanoTime();
            answers.add(client.submit(command).whenComplete((event, error) -> {
                synchronized (latency) {
                    latency.recordValue((System.nanoTime() - sent) / 1000);
                }
                window.release();
            }));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
        return count / ((System.nanoTime() - began) / 1e9);
    }
}
