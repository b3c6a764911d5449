package io.omega.paper.decide;

import io.omega.learning.artifact.ModelArtifactStore;
import io.omega.learning.model.ModelType;
import io.omega.schemas.event.RegistryEvent;
import io.omega.schemas.event.RegistryEventType;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.schemas.topic.DecodingHandler;
import io.omega.schemas.topic.TopicFollower;
import io.omega.schemas.topic.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Follows {@code omega.registry-events} (from the start, committed events, no consumer group) and hands the engine
 * the model it should use: on PROMOTED or ROLLED_BACK the production version of {@code modelType}, on REGISTERED the
 * newest candidate (for shadow mode). Each is loaded with its checksum verified; a model that cannot be loaded is
 * logged and the engine keeps what it has. A rollback of the first production version names no version: the engine
 * goes back to deciding without a model.
 */
public final class ModelWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModelWatcher.class);

    private final String modelType;
    private final ModelArtifactStore artifacts;
    private final Consumer<ModelDecider> onProduction;
    private final Consumer<ModelDecider> onCandidate;
    private final Runnable onNoProduction;
    private final TopicFollower follower;
    private volatile long loadFailures;

    public ModelWatcher(String modelType, ModelArtifactStore artifacts, String bootstrapServers, String clientId,
                        OmegaSerdes serdes, Consumer<ModelDecider> onProduction, Consumer<ModelDecider> onCandidate,
                        Runnable onNoProduction) {
        this.modelType = modelType;
        this.onNoProduction = onNoProduction;
        this.artifacts = artifacts;
        this.onProduction = onProduction;
        this.onCandidate = onCandidate;
        DecodingHandler events = DecodingHandler.reading(serdes, "the " + modelType + " model watcher")
                .on(Topics.REGISTRY_EVENTS, this::apply)
                .build();
        this.follower = new TopicFollower(events.topics(), bootstrapServers, clientId, events);
    }

    public ModelWatcher start(String threadName) {
        follower.start(threadName);
        return this;
    }

    public long loadFailures() {
        return loadFailures;
    }

    private void apply(RegistryEvent event) {
        if (!modelType.equals(event.getModelType())) {
            return;
        }
        if (event.getVersion() == null) {
            if (event.getEventType() == RegistryEventType.ROLLED_BACK) {
                onNoProduction.run();
                LOG.info("{} {} rolled back with no earlier version: deciding without a model", modelType,
                        event.getPreviousVersion());
            }
            return;
        }
        switch (event.getEventType()) {
            case PROMOTED, ROLLED_BACK -> load(event.getVersion()).ifPresent(d -> {
                onProduction.accept(d);
                LOG.info("now deciding with {} {}", modelType, event.getVersion());
            });
            case REGISTERED -> load(event.getVersion()).ifPresent(onCandidate);
            default -> {
            }
        }
    }

    private Optional<ModelDecider> load(String version) {
        try {
            return Optional.of(new ModelDecider(artifacts.loadModel(ModelType.parse(modelType), version)));
        } catch (RuntimeException e) {
            loadFailures++;
            LOG.warn("cannot use {} {}: {}; keeping the current model", modelType, version, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        follower.close();
    }
}
