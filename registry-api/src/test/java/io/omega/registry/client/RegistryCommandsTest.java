package io.omega.registry.client;

import io.omega.schemas.event.RegistryCommand;
import io.omega.schemas.event.RegistryCommandType;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryCommandsTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00.123Z");
    private final RegistryCommands commands = new RegistryCommands(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void registerCarriesEverythingTheRegistryKeeps() {
        Instant from = Instant.parse("2026-12-01T00:00:00Z");
        Instant to = Instant.parse("2026-12-05T00:00:00Z");
        RegistryCommand c = commands.register(new ModelRegistration("cnn", "20261206_120000", "models/cnn/a.zip",
                "ab".repeat(32), Map.of("epochs", "3"), Map.of("val_accuracy", 0.61), from, to), "trainer", "asked");

        assertThat(c.getCommandType()).isEqualTo(RegistryCommandType.REGISTER);
        assertThat(c.getEventTime()).isEqualTo(NOW);
        assertThat(c.getModelType()).isEqualTo("cnn");
        assertThat(c.getVersion()).isEqualTo("20261206_120000");
        assertThat(c.getArtifactUri()).isEqualTo("models/cnn/a.zip");
        assertThat(c.getArtifactSha256()).isEqualTo("ab".repeat(32));
        assertThat(c.getConfig()).containsExactlyEntriesOf(Map.of("epochs", "3"));
        assertThat(c.getMetrics()).containsExactlyEntriesOf(Map.of("val_accuracy", 0.61));
        assertThat(c.getDataFrom()).isEqualTo(from);
        assertThat(c.getDataTo()).isEqualTo(to);
        assertThat(c.getActor()).isEqualTo("trainer");
        assertThat(c.getReason()).isEqualTo("asked");
    }

    @Test
    void aPromotionMayCarryTheEvaluationItRestsOn() {
        RegistryCommand plain = commands.promote("lstm", "v1", "alice", "checked");
        assertThat(plain.getCommandType()).isEqualTo(RegistryCommandType.PROMOTE);
        assertThat(plain.getMetrics()).isEmpty();
        assertThat(plain.getDataFrom()).isNull();

        Instant from = Instant.parse("2026-12-04T00:00:00Z");
        RegistryCommand backed = commands.promote("lstm", "v1", Map.of("sharpe", 1.4), from, NOW, "controller", "gate");
        assertThat(backed.getMetrics()).containsExactlyEntriesOf(Map.of("sharpe", 1.4));
        assertThat(backed.getDataFrom()).isEqualTo(from);
        assertThat(backed.getDataTo()).isEqualTo(NOW);
    }

    @Test
    void rollbackAndArchive() {
        RegistryCommand rollback = commands.rollback("cnn", "controller", "degraded");
        assertThat(rollback.getCommandType()).isEqualTo(RegistryCommandType.ROLLBACK);
        assertThat(rollback.getVersion()).isNull();
        RegistryCommand archive = commands.archive("cnn", "v0", "bob", "old");
        assertThat(archive.getCommandType()).isEqualTo(RegistryCommandType.ARCHIVE);
        assertThat(archive.getVersion()).isEqualTo("v0");
    }

    @Test
    void everyCommandHasItsOwnIdAndTheClocksTime() {
        RegistryCommand a = commands.rollback("cnn", "x", null);
        RegistryCommand b = commands.rollback("cnn", "x", null);
        assertThat(a.getId()).isNotEqualTo(b.getId());
        assertThat(RegistryCommands.at(Instant.parse("2026-01-01T00:00:00Z")).rollback("cnn", "x", null).getEventTime())
                .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }
}
