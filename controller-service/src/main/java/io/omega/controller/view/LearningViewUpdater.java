package io.omega.controller.view;

import io.omega.controller.shadow.ShadowComparison;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.schemas.topic.DecodingHandler;
import io.omega.schemas.topic.TopicFollower;
import io.omega.schemas.topic.Topics;

/**
 * Keeps a {@link LearningView} and the {@link ShadowComparison} up to date from the registry events, evaluations,
 * controller events, outcomes and decisions, followed from their start (every instance builds the whole view). A
 * record it cannot decode is counted and skipped: the services that own those topics dead-letter them.
 */
public final class LearningViewUpdater implements AutoCloseable {

    private final DecodingHandler records;
    private final TopicFollower follower;

    public LearningViewUpdater(LearningView view, ShadowComparison shadow, String bootstrapServers, String clientId,
                               OmegaSerdes serdes) {
        this.records = DecodingHandler.reading(serdes, "the controller's view")
                .on(Topics.REGISTRY_EVENTS, view::apply)
                .on(Topics.EVALUATIONS, view::apply)
                .on(Topics.CONTROLLER_EVENTS, view::apply)
                .on(Topics.OUTCOMES, view::apply)
                .on(Topics.DECISIONS, shadow::apply)
                .build();
        this.follower = new TopicFollower(records.topics(), bootstrapServers, clientId, records);
    }

    public void start() {
        follower.start("omega-controller-view");
    }

    /** True once everything that was in the topics at start has been read. */
    public boolean caughtUp() {
        return follower.caughtUp();
    }

    public long undecodable() {
        return records.skipped();
    }

    @Override
    public void close() {
        follower.close();
    }
}
