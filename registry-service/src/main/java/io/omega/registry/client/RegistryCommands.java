package io.omega.registry.client;

import io.omega.schemas.event.RegistryCommand;
import io.omega.schemas.event.RegistryCommandType;
import io.omega.schemas.id.EventIds;

import java.time.Instant;
import java.util.Map;

/** Builds the four registry commands, each with a fresh id and the current time. */
public final class RegistryCommands {

    private RegistryCommands() {
    }

    public static RegistryCommand register(ModelRegistration model, String actor, String reason) {
        RegistryCommand command = base(RegistryCommandType.REGISTER, model.modelType(), model.version(), actor, reason);
        command.setArtifactUri(model.artifactUri());
        command.setArtifactSha256(model.artifactSha256());
        command.setConfig(Map.copyOf(model.config()));
        command.setMetrics(Map.copyOf(model.metrics()));
        command.setDataFrom(model.dataFrom());
        command.setDataTo(model.dataTo());
        return command;
    }

    public static RegistryCommand promote(String modelType, String version, String actor, String reason) {
        return base(RegistryCommandType.PROMOTE, modelType, version, actor, reason);
    }

    public static RegistryCommand rollback(String modelType, String actor, String reason) {
        return base(RegistryCommandType.ROLLBACK, modelType, null, actor, reason);
    }

    public static RegistryCommand archive(String modelType, String version, String actor, String reason) {
        return base(RegistryCommandType.ARCHIVE, modelType, version, actor, reason);
    }

    private static RegistryCommand base(RegistryCommandType type, String modelType, String version, String actor,
                                        String reason) {
        long now = System.currentTimeMillis();
        return RegistryCommand.newBuilder()
                .setId(EventIds.next(now))
                .setEventTime(Instant.ofEpochMilli(now))
                .setCommandType(type)
                .setModelType(modelType)
                .setVersion(version)
                .setActor(actor)
                .setReason(reason)
                .build();
    }
}
