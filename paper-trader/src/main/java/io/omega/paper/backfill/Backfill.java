package io.omega.paper.backfill;

import io.omega.config.OmegaConfig;
import io.omega.experience.EventOrigin;
import io.omega.experience.ExperienceRecorder;
import io.omega.experience.ExperienceStats;
import io.omega.experience.publish.CloseReport;
import io.omega.paper.PaperTrader;
import io.omega.paper.decide.BaselineRules;
import io.omega.paper.market.Bar;
import io.omega.schemas.serde.OmegaSerdes;
import org.apache.avro.specific.SpecificRecord;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The engine's rules over historical bars at their own times: the paper trader's features, baseline rules and paper
 * broker, as in a replay, but with no model to follow, no pacing, and every event {@link EventOrigin#BACKFILL}
 * (marked backfilled, its id derived from what it is). Events whose ids are already logged are left out, so a second
 * run over the same bars publishes nothing.
 *
 * <p>The engine never waits on Kafka and its publisher drops the oldest events when its queue is full; a backfill
 * produces as fast as the bars allow, so it holds back while the queue is more than half full instead, and nothing
 * is dropped.
 */
public final class Backfill {

    /** How long closing waits for the last events to be acknowledged. */
    static final Duration DELIVERY_WAIT = Duration.ofMinutes(2);

    /**
     * What one run did: the bars it went through, the events it published, those left out as already logged, and
     * what Kafka acknowledged.
     */
    public record Result(long bars, long decisions, long executions, long outcomes, long alreadyLogged,
                         CloseReport delivery) {

        public boolean delivered() {
            return delivery.complete() && delivery.dropped() == 0 && delivery.failed() == 0;
        }
    }

    private final OmegaConfig config;
    private final OmegaSerdes serdes;

    public Backfill(OmegaConfig config, OmegaSerdes serdes) {
        this.config = config;
        this.serdes = serdes;
    }

    /** Runs the rules over {@code bars} (one symbol, in time order, of {@code barLength}) until they end or {@code stop}. */
    public Result run(List<Bar> bars, Duration barLength, Set<String> logged, BooleanSupplier stop)
            throws InterruptedException {
        long[] skipped = {0};
        Predicate<String> alreadyLogged = id -> {
            boolean known = logged.contains(id);
            if (known) {
                skipped[0]++;
            }
            return known;
        };
        ExperienceRecorder recorder = ExperienceRecorder.create(config.kafka(),
                config.selfLearning().experienceBufferSize(), serdes.valueSerializer(SpecificRecord.class),
                Clock.systemUTC(), EventOrigin.BACKFILL, alreadyLogged);
        CloseReport delivery;
        PaperTrader trader = new PaperTrader(config.paperTrading(), recorder, barLength, new BaselineRules());
        try {
            long highWater = Math.max(1, config.kafka().producer().publishQueueCapacity() / 2);
            for (Bar bar : bars) {
                if (stop.getAsBoolean()) {
                    break;
                }
                trader.onBar(bar);
                while (queued(recorder) > highWater) {
                    Thread.sleep(1);
                }
            }
        } finally {
            delivery = recorder.close(DELIVERY_WAIT);
        }
        ExperienceStats published = recorder.stats();
        return new Result(trader.stats().bars(), published.decisions(), published.executions(), published.outcomes(),
                skipped[0], delivery);
    }

    private static long queued(ExperienceRecorder recorder) {
        var publisher = recorder.stats().publisher();
        return publisher.waiting() + publisher.inFlight();
    }
}
