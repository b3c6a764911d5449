package io.omega.bench.experience;

import io.omega.bench.BenchKafka;
import io.omega.config.ConfigLoader;
import io.omega.config.RegistryMode;
import io.omega.config.SchemaRegistryConfig;
import io.omega.experience.AiDecision;
import io.omega.experience.ExperienceRecorder;
import io.omega.experience.ExperienceStats;
import io.omega.schemas.event.Direction;
import io.omega.schemas.serde.OmegaSerdes;
import org.apache.avro.specific.SpecificRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Cost on the caller's thread of {@code recordDecision}, with the publisher running against the embedded broker
 * in the same JVM. JMH calls it back to back, far faster than Kafka can take, so the publisher is busy (and the
 * queue drops) throughout: the caller's figure is measured under the worst contention for the two cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class RecordDecisionBenchmark {

    private BenchKafka kafka;
    private ExperienceRecorder recorder;
    private final Map<String, Double> features = Map.of("close", 42_000.0, "rsi", 55.0, "ema_fast", 41_990.0,
            "ema_slow", 41_900.0, "volume", 12.5);
    private final AiDecision decision = new AiDecision(Direction.LONG, 0.62,
            Map.of("LONG", 0.62, "SHORT", 0.18, "FLAT", 0.20), "cnn", "20250124_120000", 42_000.0, false);

    @Setup(Level.Trial)
    public void start() {
        kafka = new BenchKafka(3);
        var config = ConfigLoader.parse("kafka:\n  bootstrap_servers: \"" + kafka.bootstrapServers() + "\"\n", Map.of());
        OmegaSerdes serdes = new OmegaSerdes(new SchemaRegistryConfig(RegistryMode.EMBEDDED, "", true));
        recorder = ExperienceRecorder.create(config.kafka(), config.selfLearning().experienceBufferSize(),
                serdes.valueSerializer(SpecificRecord.class), Clock.systemUTC());
    }

    @TearDown(Level.Trial)
    public void stop() {
        ExperienceStats stats = recorder.stats();
        System.out.printf("%nrecorded %d, delivered %d, dropped %d (the queue is meant to overflow here)%n",
                stats.recorded(), stats.publisher().delivered(), stats.publisher().dropped());
        recorder.close(Duration.ofSeconds(5));
        kafka.close();
    }

    @Benchmark
    public String recordDecision() {
        return recorder.recordDecision("BTC-USDT-SWAP", features, decision);
    }
}
