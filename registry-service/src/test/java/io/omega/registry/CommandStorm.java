package io.omega.registry;

import io.omega.registry.client.ModelRegistration;
import io.omega.registry.client.RegistryCommands;
import io.omega.schemas.event.RegistryCommand;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random registry commands over a small pool of model types and versions, so that every rule is hit often:
 * duplicates, promotions of archived versions, rollbacks down the chain and past its end, bad ids, bad artifacts.
 */
public final class CommandStorm {

    private static final RegistryCommands COMMANDS = new RegistryCommands(Clock.systemUTC());

    /** "gru" is not a model type; the bad ids are malformed or not a real date. */
    public static final List<String> TYPES = List.of("cnn", "lstm", "gru");
    public static final List<String> BAD_VERSIONS = List.of("2025-01-24", "20251301_120000");
    public static final int VERSIONS = 6;

    /**
     * One random step.
     *
     * @param kind     0 register, 1 promote, 2 rollback, 3 archive
     * @param type     index into {@link #TYPES}
     * @param version  0..VERSIONS-1, or -1/-2 for a bad id
     * @param artifact 0 the right file and checksum, 1 a wrong checksum, 2 no such file
     */
    public record Step(int kind, int type, int version, int artifact) {
    }

    private final TestArtifacts artifacts;

    public CommandStorm(TestArtifacts artifacts) {
        this.artifacts = artifacts;
    }

    public static String version(int index) {
        return index >= 0 ? String.format("20250124_1200%02d", index) : BAD_VERSIONS.get(-index - 1);
    }

    public static Step randomStep(Random random) {
        int kind = random.nextInt(10);
        // Promote and rollback are the interesting ones: weight them up.
        int mapped = kind < 3 ? 0 : kind < 6 ? 1 : kind < 9 ? 2 : 3;
        int type = random.nextInt(20) == 0 ? 2 : random.nextInt(2);
        int version = random.nextInt(25) == 0 ? -1 - random.nextInt(2) : random.nextInt(VERSIONS);
        int artifact = random.nextInt(10) == 0 ? 1 + random.nextInt(2) : 0;
        return new Step(mapped, type, version, artifact);
    }

    public RegistryCommand command(Step step, String actor) {
        String type = TYPES.get(step.type());
        String version = version(step.version());
        return switch (step.kind()) {
            case 0 -> COMMANDS.register(registration(type, version, step.artifact()), actor, "trained");
            case 1 -> COMMANDS.promote(type, version, actor, "better sharpe");
            case 2 -> COMMANDS.rollback(type, actor, "degraded");
            default -> COMMANDS.archive(type, version, actor, "superseded");
        };
    }

    private ModelRegistration registration(String type, String version, int artifactChoice) {
        TestArtifacts.Artifact artifact = artifacts.write(type.replaceAll("[^a-z]", ""), version.replaceAll("[^0-9_]", ""));
        String uri = artifactChoice == 2 ? artifact.uri() + ".missing" : artifact.uri();
        String sha = artifactChoice == 1 ? "0".repeat(64) : artifact.sha256();
        return new ModelRegistration(type, version, uri, sha, Map.of("epochs", "50"),
                Map.of("win_rate", 50.0 + version.hashCode() % 10, "sharpe_ratio", 1.0),
                Instant.parse("2025-01-17T00:00:00Z"), Instant.parse("2025-01-24T00:00:00Z"));
    }
}
