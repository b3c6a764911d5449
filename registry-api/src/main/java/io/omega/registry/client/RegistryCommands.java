package io.omega.registry.client;

import io.omega.schemas.event.RegistryCommand;
import io.omega.schemas.event.RegistryCommandType;
import io.omega.schemas.id.EventIds;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Builds the four registry commands, each with a fresh time-ordered id and the time of {@code clock}: the one place
 * a {@link RegistryCommand} is put together, for every service that asks the registry for something. A stream
 * processor that stamps what it sends with the record's time uses {@link #at}.
 */
public final class RegistryCommands {

    private final Clock clock;

    public RegistryCommands(Clock clock) {
        this.clock = clock;
    }

    /** The same commands stamped with {@code time}: a stream processor's output carries its input record's time. */
    public static RegistryCommands at(Instant time) {
        return new RegistryCommands(Clock.fixed(time, ZoneOffset.UTC));
    }

    public RegistryCommand register(ModelRegistration model, String actor, String reason) {
        RegistryCommand command = base(RegistryCommandType.REGISTER, model.modelType(), model.version(), actor, reason);
        command.setArtifactUri(model.artifactUri());
        command.setArtifactSha256(model.artifactSha256());
        command.setConfig(Map.copyOf(model.config()));
        command.setMetrics(Map.copyOf(model.metrics()));
        command.setDataFrom(model.dataFrom());
        command.setDataTo(model.dataTo());
        return command;
    }

    public RegistryCommand promote(String modelType, String version, String actor, String reason) {
        return base(RegistryCommandType.PROMOTE, modelType, version, actor, reason);
    }

    /**
     * A promotion that carries the evaluation it rests on ({@code metrics} and the bars they were measured on), so the
     * registry's history says why the model went into production.
     */
    public RegistryCommand promote(String modelType, String version, Map<String, Double> metrics, Instant dataFrom,
                                   Instant dataTo, String actor, String reason) {
        RegistryCommand command = promote(modelType, version, actor, reason);
        command.setMetrics(Map.copyOf(metrics));
        command.setDataFrom(dataFrom);
        command.setDataTo(dataTo);
        return command;
    }

    public RegistryCommand rollback(String modelType, String actor, String reason) {
        return base(RegistryCommandType.ROLLBACK, modelType, null, actor, reason);
    }

    public RegistryCommand archive(String modelType, String version, String actor, String reason) {
        return base(RegistryCommandType.ARCHIVE, modelType, version, actor, reason);
    }

    private RegistryCommand base(RegistryCommandType type, String modelType, String version, String actor,
                                 String reason) {
        Instant now = clock.instant();
        return RegistryCommand.newBuilder()
                .setId(EventIds.next(now.toEpochMilli()))
                .setEventTime(now)
                .setCommandType(type)
                .setModelType(modelType)
                .setVersion(version)
                .setActor(actor)
                .setReason(reason)
                .build();
    }
}
