package io.omega.registry.model;

import io.omega.registry.CommandStorm;
import io.omega.registry.CommandStorm.Step;
import io.omega.registry.ReferenceRegistry;
import io.omega.registry.RegistryInvariants;
import io.omega.registry.TestArtifacts;
import io.omega.registry.command.CommandDecider;
import io.omega.registry.command.DataDirArtifactVerifier;
import io.omega.schemas.event.RegistryCommand;
import io.omega.schemas.event.RegistryEvent;
import io.omega.schemas.event.RegistryEventType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A storm of random commands against the pure state machine, checked against a naive reference after every step. */
class RegistryStatePropertyTest {

    private static final Path DATA_DIR = dataDir();

    private final TestArtifacts artifacts = new TestArtifacts(DATA_DIR);
    private final CommandStorm storm = new CommandStorm(artifacts);
    private final CommandDecider decider = new CommandDecider(new DataDirArtifactVerifier(DATA_DIR), Clock.systemUTC());

    @Property(tries = 400)
    void everyCommandGetsTheReferenceAnswerAndTheInvariantsHoldAfterEveryStep(@ForAll("storms") List<Step> steps) {
        RegistryState state = new RegistryState();
        ReferenceRegistry reference = new ReferenceRegistry();
        List<RegistryEvent> log = new ArrayList<>();

        for (Step step : steps) {
            RegistryCommand command = storm.command(step, "storm");
            RegistryEvent event = decider.decide(command, state);

            assertThat(event.getCommandId()).isEqualTo(command.getId());
            assertThat(event.getEventType()).as("answer to %s", step)
                    .isEqualTo(reference.expect(command, step.artifact() == 0));
            if (event.getEventType() == RegistryEventType.REJECTED) {
                assertThat(event.getReason()).as("a rejection says why").isNotBlank();
            }
            state.apply(event);
            log.add(event);

            RegistryInvariants.check(state);
            for (String type : ModelTypes.KNOWN) {
                ModelTypeState models = state.type(type);
                assertThat(models.versions().values().stream().collect(
                        java.util.stream.Collectors.toMap(ModelVersion::version, ModelVersion::status)))
                        .as("statuses of %s", type).isEqualTo(reference.statuses(type));
                assertThat(RegistryInvariants.productionChain(models)).as("production and rollback chain of %s", type)
                        .isEqualTo(reference.productionChain(type));
            }
        }
        assertThat(state.answeredCommands()).hasSize(steps.size());

        RegistryState replayed = new RegistryState();
        log.forEach(replayed::apply);
        assertThat(replayed.snapshot()).isEqualTo(state.snapshot());
        assertThat(replayed.answeredCommands()).isEqualTo(state.answeredCommands());
    }

    @Provide
    Arbitrary<List<Step>> storms() {
        Arbitrary<Integer> kind = Arbitraries.frequency(Tuple.of(3, 0), Tuple.of(3, 1), Tuple.of(3, 2), Tuple.of(1, 3));
        Arbitrary<Integer> type = Arbitraries.frequency(Tuple.of(10, 0), Tuple.of(10, 1), Tuple.of(1, 2));
        Arbitrary<Integer> version = Arbitraries.frequencyOf(
                Tuple.of(24, Arbitraries.integers().between(0, CommandStorm.VERSIONS - 1)),
                Tuple.of(1, Arbitraries.integers().between(-2, -1)));
        Arbitrary<Integer> artifact = Arbitraries.frequency(Tuple.of(8, 0), Tuple.of(1, 1), Tuple.of(1, 2));
        return Combinators.combine(kind, type, version, artifact).as(Step::new).list().ofMinSize(1).ofMaxSize(80);
    }

    private static Path dataDir() {
        try {
            Path target = Path.of("target");
            return Files.createTempDirectory(Files.isDirectory(target) ? target : Path.of(System.getProperty("java.io.tmpdir")),
                    "registry-storm-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
