package io.omega.registry.command;

import io.omega.registry.TestArtifacts;
import io.omega.registry.client.ModelRegistration;
import io.omega.registry.client.RegistryCommands;
import io.omega.registry.model.ModelStatus;
import io.omega.registry.model.RegistryState;
import io.omega.schemas.event.RegistryCommand;
import io.omega.schemas.event.RegistryEvent;
import io.omega.schemas.event.RegistryEventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CommandDeciderTest {

    private static final RegistryCommands COMMANDS = new RegistryCommands(Clock.systemUTC());

    @TempDir
    Path dataDir;

    private RegistryState state;
    private CommandDecider decider;
    private TestArtifacts artifacts;

    private RegistryEvent run(RegistryCommand command) {
        if (decider == null) {
            state = new RegistryState();
            artifacts = new TestArtifacts(dataDir);
            decider = new CommandDecider(new DataDirArtifactVerifier(dataDir),
                    Clock.fixed(Instant.parse("2025-01-24T12:30:00Z"), ZoneOffset.UTC));
        }
        RegistryEvent event = decider.decide(command, state);
        state.apply(event);
        return event;
    }

    private RegistryEvent register(String version) {
        TestArtifacts.Artifact a = new TestArtifacts(dataDir).write("cnn", version);
        return run(COMMANDS.register(new ModelRegistration("cnn", version, a.uri(), a.sha256(), Map.of("epochs", "50"),
                Map.of("win_rate", 58.5), null, null), "trainer", "scheduled retrain"));
    }

    @Test
    void registerPromoteRollbackArchiveFollowTheChain() {
        assertThat(register("20250120_140000").getEventType()).isEqualTo(RegistryEventType.REGISTERED);
        assertThat(register("20250122_090000").getEventType()).isEqualTo(RegistryEventType.REGISTERED);
        assertThat(register("20250124_120000").getEventType()).isEqualTo(RegistryEventType.REGISTERED);

        RegistryEvent first = run(COMMANDS.promote("cnn", "20250120_140000", "alice", "first model"));
        assertThat(first.getEventType()).isEqualTo(RegistryEventType.PROMOTED);
        assertThat(first.getPreviousVersion()).isNull();
        RegistryEvent second = run(COMMANDS.promote("cnn", "20250122_090000", "controller", "sharpe 1.6"));
        assertThat(second.getPreviousVersion()).isEqualTo("20250120_140000");
        run(COMMANDS.promote("cnn", "20250124_120000", "controller", "sharpe 1.8"));

        RegistryEvent back = run(COMMANDS.rollback("cnn", "controller", "win rate dropped 12 points"));
        assertThat(back.getEventType()).isEqualTo(RegistryEventType.ROLLED_BACK);
        assertThat(back.getVersion()).isEqualTo("20250122_090000");
        assertThat(back.getPreviousVersion()).isEqualTo("20250124_120000");
        RegistryEvent again = run(COMMANDS.rollback("cnn", "bob", "still bad"));
        assertThat(again.getVersion()).isEqualTo("20250120_140000");

        // The first production version replaced none: rolling it back leaves the engine on its rules.
        RegistryEvent toRules = run(COMMANDS.rollback("cnn", "bob", "once more"));
        assertThat(toRules.getEventType()).isEqualTo(RegistryEventType.ROLLED_BACK);
        assertThat(toRules.getVersion()).isNull();
        assertThat(toRules.getPreviousVersion()).isEqualTo("20250120_140000");
        RegistryEvent none = run(COMMANDS.rollback("cnn", "bob", "and again"));
        assertThat(none.getEventType()).isEqualTo(RegistryEventType.REJECTED);
        assertThat(none.getReason()).isEqualTo("cnn has no production version to roll back from");

        var cnn = state.type("cnn");
        assertThat(cnn.productionVersion()).isNull();
        assertThat(cnn.version("20250120_140000").orElseThrow().status()).isEqualTo(ModelStatus.ARCHIVED);
        assertThat(cnn.version("20250124_120000").orElseThrow().status()).isEqualTo(ModelStatus.ARCHIVED);
        assertThat(cnn.history()).extracting(t -> t.version() + " " + t.enteredBy() + " by " + t.enteredActor()
                        + " (" + t.enteredReason() + ") left " + t.leftHow() + " by " + t.leftActor())
                .containsExactly(
                        "20250120_140000 PROMOTED by alice (first model) left PROMOTED by controller",
                        "20250122_090000 PROMOTED by controller (sharpe 1.6) left PROMOTED by controller",
                        "20250124_120000 PROMOTED by controller (sharpe 1.8) left ROLLED_BACK by controller",
                        "20250122_090000 ROLLED_BACK by controller (win rate dropped 12 points) left ROLLED_BACK by bob",
                        "20250120_140000 ROLLED_BACK by bob (still bad) left ROLLED_BACK by bob");
        assertThat(cnn.history()).extracting(t -> t.enteredByPromotion() + "/" + t.leftByRollback())
                .containsExactly("true/false", "true/false", "true/true", "false/true", "false/true");
    }

    @Test
    void rejectionsNameWhatIsWrong() {
        register("20250120_140000");
        run(COMMANDS.promote("cnn", "20250120_140000", "alice", null));

        assertThat(register("20250120_140000").getReason()).isEqualTo("cnn 20250120_140000 is already registered (production)");
        assertThat(run(COMMANDS.promote("cnn", "20250120_140000", "alice", null)).getReason())
                .isEqualTo("only a candidate can be promoted; cnn 20250120_140000 is production");
        assertThat(run(COMMANDS.archive("cnn", "20250120_140000", "alice", null)).getReason())
                .isEqualTo("cnn 20250120_140000 is the production version and cannot be archived;"
                        + " promote another version or roll back first");
        assertThat(run(COMMANDS.promote("cnn", "20250101_000000", "alice", null)).getReason())
                .isEqualTo("cnn 20250101_000000 is not registered");
        assertThat(run(COMMANDS.promote("cnn", "20250230_000000", "alice", null)).getReason())
                .isEqualTo("version '20250230_000000' is not a real UTC date and time");
        assertThat(run(COMMANDS.promote("cnn", "v2", "alice", null)).getReason())
                .isEqualTo("version 'v2' is not a version id: expected yyyyMMdd_HHmmss (UTC), like 20250124_120000");
        assertThat(run(COMMANDS.rollback("gru", "alice", null)).getReason())
                .isEqualTo("unknown model type 'gru' (known: cnn, lstm)");
        assertThat(run(COMMANDS.rollback("lstm", "alice", null)).getReason())
                .isEqualTo("lstm has no production version to roll back from");
        assertThat(run(COMMANDS.promote("cnn", "20250120_140000", " ", null)).getReason())
                .isEqualTo("actor is required: say who asks");
    }

    @Test
    void registerChecksTheArtifactOnDisk() throws Exception {
        TestArtifacts.Artifact a = new TestArtifacts(dataDir).write("lstm", "20250124_120000");
        String wrong = "ab".repeat(32);

        RegistryEvent mismatch = run(COMMANDS.register(new ModelRegistration("lstm", "20250124_120000", a.uri(),
                wrong, Map.of(), Map.of(), null, null), "trainer", null));
        assertThat(mismatch.getReason()).isEqualTo("artifact " + a.uri() + " has SHA-256 " + a.sha256()
                + ", the command says " + wrong);

        RegistryEvent missing = run(COMMANDS.register(new ModelRegistration("lstm", "20250124_120000",
                "models/lstm/none.zip", a.sha256(), Map.of(), Map.of(), null, null), "trainer", null));
        assertThat(missing.getReason()).startsWith("artifact models/lstm/none.zip does not exist");

        Path outside = Files.createTempFile("outside", ".zip");
        RegistryEvent escape = run(COMMANDS.register(new ModelRegistration("lstm", "20250124_120000",
                outside.toUri().toString(), a.sha256(), Map.of(), Map.of(), null, null), "trainer", null));
        assertThat(escape.getReason()).contains("is outside the data directory");
        Files.delete(outside);

        RegistryEvent badSha = run(COMMANDS.register(new ModelRegistration("lstm", "20250124_120000", a.uri(),
                "xyz", Map.of(), Map.of(), null, null), "trainer", null));
        assertThat(badSha.getReason()).isEqualTo("artifact_sha256 must be 64 hexadecimal characters, got 'xyz'");

        RegistryEvent nan = run(COMMANDS.register(new ModelRegistration("lstm", "20250124_120000", a.uri(),
                a.sha256(), Map.of(), Map.of("sharpe_ratio", Double.NaN), null, null), "trainer", null));
        assertThat(nan.getReason()).isEqualTo("metric sharpe_ratio must be a finite number, got NaN");

        RegistryEvent ok = run(COMMANDS.register(new ModelRegistration("lstm", "20250124_120000",
                dataDir.resolve(a.uri()).toUri().toString(), a.sha256().toUpperCase(), Map.of(), Map.of(), null, null),
                "trainer", null));
        assertThat(ok.getEventType()).isEqualTo(RegistryEventType.REGISTERED);
        assertThat(ok.getArtifactSha256()).isEqualTo(a.sha256());
        assertThat(state.type("lstm").list()).hasSize(1);
    }

    @Test
    void bestCandidateIsTheHighestMetricAmongCandidates() {
        for (String v : new String[]{"20250120_140000", "20250121_140000", "20250122_140000"}) {
            TestArtifacts.Artifact a = new TestArtifacts(dataDir).write("cnn", v);
            double winRate = v.startsWith("20250121") ? 62.0 : 55.0;
            run(COMMANDS.register(new ModelRegistration("cnn", v, a.uri(), a.sha256(), Map.of(),
                    Map.of("win_rate", winRate), null, null), "trainer", null));
        }
        assertThat(state.type("cnn").bestCandidate("win_rate").orElseThrow().version()).isEqualTo("20250121_140000");
        run(COMMANDS.promote("cnn", "20250121_140000", "alice", null));
        // Production is not a candidate; of the two left, equal metric: the newest.
        assertThat(state.type("cnn").bestCandidate("win_rate").orElseThrow().version()).isEqualTo("20250122_140000");
        assertThat(state.type("cnn").bestCandidate("sortino")).isEmpty();
    }
}
