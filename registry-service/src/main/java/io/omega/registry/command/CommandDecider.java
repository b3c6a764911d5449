package io.omega.registry.command;

import io.omega.registry.model.ModelStatus;
import io.omega.registry.model.ModelTypes;
import io.omega.registry.model.ModelVersion;
import io.omega.registry.model.RegistryState;
import io.omega.registry.model.VersionId;
import io.omega.schemas.event.RegistryCommand;
import io.omega.schemas.event.RegistryEvent;
import io.omega.schemas.event.RegistryEventType;
import io.omega.schemas.id.EventIds;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The registry's rules: given the state and one command, the one event that answers it. Pure apart from reading
 * the artifact for REGISTER and the clock, so the same code serves the Kafka loop and the property tests.
 */
public final class CommandDecider {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private final ArtifactVerifier artifacts;
    private final Clock clock;

    public CommandDecider(ArtifactVerifier artifacts, Clock clock) {
        this.artifacts = artifacts;
        this.clock = clock;
    }

    public RegistryEvent decide(RegistryCommand command, RegistryState state) {
        String type = command.getModelType();
        TypeView models = new TypeView(state, type);
        Optional<String> problem = validate(command, models);
        if (problem.isPresent()) {
            return event(command, RegistryEventType.REJECTED, command.getVersion(), models.productionVersion(),
                    problem.get());
        }
        return switch (command.getCommandType()) {
            case REGISTER -> registered(command);
            case PROMOTE -> event(command, RegistryEventType.PROMOTED, command.getVersion(), models.productionVersion(),
                    command.getReason());
            // The first production version has no predecessor: rolling it back leaves no production model, and
            // the engine trades on its rules again (the event's version is then null).
            case ROLLBACK -> event(command, RegistryEventType.ROLLED_BACK, models.rollbackTarget().orElse(null),
                    models.productionVersion(), command.getReason());
            case ARCHIVE -> event(command, RegistryEventType.ARCHIVED, command.getVersion(), models.productionVersion(),
                    command.getReason());
            default -> throw new IllegalStateException("validated an unsupported command " + command.getCommandType());
        };
    }

    private Optional<String> validate(RegistryCommand command, TypeView models) {
        if (command.getId() == null || command.getId().isBlank()) {
            return Optional.of("the command has no id");
        }
        if (command.getActor() == null || command.getActor().isBlank()) {
            return Optional.of("actor is required: say who asks");
        }
        Optional<String> badType = ModelTypes.problem(command.getModelType());
        if (badType.isPresent()) {
            return badType;
        }
        String type = command.getModelType();
        String version = command.getVersion();
        return switch (command.getCommandType()) {
            case REGISTER -> VersionId.problem(version).or(() -> registerProblem(command, models));
            case PROMOTE -> VersionId.problem(version).or(() -> promoteProblem(type, version, models));
            case ROLLBACK -> rollbackProblem(command, models);
            case ARCHIVE -> VersionId.problem(version).or(() -> archiveProblem(type, version, models));
            default -> Optional.of("unsupported command type " + command.getCommandType());
        };
    }

    private static Optional<String> promoteProblem(String type, String version, TypeView models) {
        Optional<ModelVersion> found = models.version(version);
        if (found.isEmpty()) {
            return Optional.of(notRegistered(type, version));
        }
        ModelStatus status = found.get().status();
        return status == ModelStatus.CANDIDATE ? Optional.empty()
                : Optional.of("only a candidate can be promoted; " + type + " " + version + " is " + status.label());
    }

    private static Optional<String> archiveProblem(String type, String version, TypeView models) {
        Optional<ModelVersion> found = models.version(version);
        if (found.isEmpty()) {
            return Optional.of(notRegistered(type, version));
        }
        return switch (found.get().status()) {
            case PRODUCTION -> Optional.of(type + " " + version + " is the production version and cannot be archived;"
                    + " promote another version or roll back first");
            case ARCHIVED -> Optional.of(type + " " + version + " is already archived");
            case CANDIDATE -> Optional.empty();
        };
    }

    private static String notRegistered(String type, String version) {
        return type + " " + version + " is not registered";
    }

    private Optional<String> registerProblem(RegistryCommand command, TypeView models) {
        String type = command.getModelType();
        String version = command.getVersion();
        Optional<ModelVersion> existing = models.version(version);
        if (existing.isPresent()) {
            return Optional.of(type + " " + version + " is already registered (" + existing.get().status().label() + ")");
        }
        if (command.getArtifactUri() == null || command.getArtifactUri().isBlank()) {
            return Optional.of("artifact_uri is required to register a model");
        }
        if (command.getArtifactSha256() == null || !SHA256.matcher(command.getArtifactSha256()).matches()) {
            return Optional.of("artifact_sha256 must be 64 hexadecimal characters, got '" + command.getArtifactSha256() + "'");
        }
        for (Map.Entry<String, Double> metric : command.getMetrics().entrySet()) {
            if (metric.getValue() == null || !Double.isFinite(metric.getValue())) {
                return Optional.of("metric " + metric.getKey() + " must be a finite number, got " + metric.getValue());
            }
        }
        if (command.getDataFrom() != null && command.getDataTo() != null
                && command.getDataFrom().isAfter(command.getDataTo())) {
            return Optional.of("data_from " + command.getDataFrom() + " is after data_to " + command.getDataTo());
        }
        return artifacts.problem(command.getArtifactUri(), command.getArtifactSha256());
    }

    private static Optional<String> rollbackProblem(RegistryCommand command, TypeView models) {
        String type = command.getModelType();
        if (command.getVersion() != null) {
            return Optional.of("ROLLBACK takes no version: it restores the previous production version of " + type);
        }
        Optional<ModelVersion> production = models.production();
        if (production.isEmpty()) {
            return Optional.of(type + " has no production version to roll back from");
        }
        return Optional.empty();
    }

    /** Point lookups on the live state of one type: no snapshot is built per command. */
    private record TypeView(RegistryState state, String type) {
        Optional<ModelVersion> version(String version) {
            return state.version(type, version);
        }

        Optional<ModelVersion> production() {
            return state.production(type);
        }

        String productionVersion() {
            return state.productionVersion(type);
        }

        Optional<String> rollbackTarget() {
            return production().map(ModelVersion::previousVersion);
        }
    }

    private RegistryEvent registered(RegistryCommand command) {
        RegistryEvent event = event(command, RegistryEventType.REGISTERED, command.getVersion(), null, command.getReason());
        event.setArtifactUri(command.getArtifactUri());
        event.setArtifactSha256(command.getArtifactSha256().toLowerCase(java.util.Locale.ROOT));
        event.setConfig(Map.copyOf(command.getConfig()));
        event.setMetrics(Map.copyOf(command.getMetrics()));
        event.setDataFrom(command.getDataFrom());
        event.setDataTo(command.getDataTo());
        return event;
    }

    private RegistryEvent event(RegistryCommand command, RegistryEventType type, String version, String previous,
                                String reason) {
        Instant now = clock.instant();
        return RegistryEvent.newBuilder()
                .setId(EventIds.next(now.toEpochMilli()))
                .setEventTime(Instant.ofEpochMilli(now.toEpochMilli()))
                .setCommandId(command.getId() == null ? "" : command.getId())
                .setEventType(type)
                .setModelType(command.getModelType() == null ? "" : command.getModelType())
                .setVersion(version)
                .setPreviousVersion(previous)
                .setReason(reason)
                .setActor(command.getActor() == null ? "" : command.getActor())
                .build();
    }
}
