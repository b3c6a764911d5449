package io.omega.sink;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.service.BackgroundLoop;
import io.omega.service.Health;
import io.omega.service.Service;
import io.omega.sink.decode.SinkTopic;
import io.omega.sink.health.SinkHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * The trade-logger sink as a {@link Service}: its consumer loop on its own thread, closed by stopping the loop and
 * waiting until it has written and committed what it buffered.
 */
public final class SinkService implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(SinkService.class);
    /** Writing and committing the buffers of every partition takes seconds; this is only a guard. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final SinkSettings settings;
    /** The sink registers its meters when it is built; whatever registry is bound later sees them through this. */
    private final CompositeMeterRegistry meters = new CompositeMeterRegistry();
    private final TradeLoggerSink sink;
    private final BackgroundLoop loop;

    public SinkService(SinkSettings settings, OmegaSerdes serdes, Clock clock) {
        this.settings = settings;
        this.sink = new TradeLoggerSink(settings, serdes, meters, clock);
        this.loop = new BackgroundLoop("omega-sink", sink::run);
    }

    public TradeLoggerSink sink() {
        return sink;
    }

    /** The line an operator reads once it runs: what it consumes, from where, into what. */
    public String describe() {
        return String.format("Sink consuming %s from %s (group %s) into %s as %s", String.join(", ", SinkTopic.names()),
                settings.bootstrapServers(), settings.groupId(),
                settings.dataDir().resolve("experiences").toAbsolutePath(), settings.format().extension());
    }

    @Override
    public String name() {
        return "sink";
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public Health health() {
        SinkHealth now = sink.health();
        return new Health(now.up(), now.detail());
    }

    @Override
    public void bindMetrics(MeterRegistry registry) {
        meters.add(registry);
    }

    @Override
    public CompletionStage<Void> ended() {
        return loop.ended();
    }

    @Override
    public void close() {
        sink.close();
        try {
            if (!loop.awaitEnded(STOP_WAIT)) {
                LOG.warn("the sink did not write and commit its buffers within {} s", STOP_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
