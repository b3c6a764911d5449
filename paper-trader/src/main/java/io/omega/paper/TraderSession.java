package io.omega.paper;

import io.omega.config.OmegaConfig;
import io.omega.experience.ExperienceRecorder;
import io.omega.learning.artifact.ModelArtifactStore;
import io.omega.paper.decide.BaselineRules;
import io.omega.paper.decide.ModelWatcher;
import io.omega.schemas.serde.OmegaSerdes;
import org.apache.avro.specific.SpecificRecord;

import java.time.Clock;
import java.time.Duration;

/**
 * What every run of the engine needs whatever feeds it bars: the experience recorder, the trader deciding with the
 * baseline until the registry promotes a model of {@code modelType}, and the watcher that hands it production and
 * (with {@code enable_shadow_mode}) shadow models. Closing stops the watcher, then flushes the recorder.
 */
final class TraderSession implements AutoCloseable {

    private final ExperienceRecorder recorder;
    private final PaperTrader trader;
    private final ModelWatcher watcher;

    private TraderSession(ExperienceRecorder recorder, PaperTrader trader, ModelWatcher watcher) {
        this.recorder = recorder;
        this.trader = trader;
        this.watcher = watcher;
    }

    static TraderSession open(OmegaConfig config, OmegaSerdes serdes, String modelType, Duration barLength) {
        ExperienceRecorder recorder = ExperienceRecorder.create(config.kafka(),
                config.selfLearning().experienceBufferSize(), serdes.valueSerializer(SpecificRecord.class),
                Clock.systemUTC());
        try {
            PaperTrader trader = new PaperTrader(config.paperTrading(), recorder, barLength, new BaselineRules());
            ModelWatcher watcher = new ModelWatcher(modelType, new ModelArtifactStore(config.storage().dataDir(),
                    Clock.systemUTC()), config.kafka().bootstrapServers(), config.kafka().clientIdPrefix()
                    + "-paper-trader-models", serdes, trader::useProduction,
                    config.selfLearning().enableShadowMode() ? trader::useShadow : d -> { }, trader::useRules);
            watcher.start("omega-paper-trader-models");
            return new TraderSession(recorder, trader, watcher);
        } catch (RuntimeException e) {
            recorder.close();
            throw e;
        }
    }

    PaperTrader trader() {
        return trader;
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } finally {
            recorder.close();
        }
    }
}
