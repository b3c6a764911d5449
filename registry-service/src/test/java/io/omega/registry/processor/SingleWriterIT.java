package io.omega.registry.processor;

import io.omega.registry.RegistryHarness;
import io.omega.registry.client.RegistryClient;
import io.omega.registry.client.RegistryCommands;
import io.omega.schemas.event.RegistryEvent;
import io.omega.testing.kafka.KafkaBrokerExtension;
import io.omega.testing.kafka.KafkaTestBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.time.Clock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A second instance fences the first: never two writers of the event log, and no command answered twice. */
@ExtendWith(KafkaBrokerExtension.class)
class SingleWriterIT {

    private static final RegistryCommands COMMANDS = new RegistryCommands(Clock.systemUTC());

    private final String bootstrap;

    @TempDir
    Path dataDir;

    SingleWriterIT(KafkaTestBroker kafka) {
        this.bootstrap = kafka.bootstrapServers();
    }

    @Test
    void aNewInstanceTakesOverAndEveryCommandIsAnsweredExactlyOnce() {
        RegistryHarness registry = new RegistryHarness(bootstrap, dataDir);
        List<String> commandIds = new ArrayList<>();
        try (RegistryProcessor first = registry.startProcessor();
             RegistryClient client = registry.client("takeover")) {
            for (int i = 0; i < 5; i++) {
                commandIds.add(client.execute(COMMANDS.rollback("cnn", "ops", "before " + i)).getCommandId());
            }
            try (RegistryProcessor second = registry.startProcessor()) {
                for (int i = 0; i < 20; i++) {
                    commandIds.add(client.execute(COMMANDS.rollback("lstm", "ops", "after " + i)).getCommandId());
                }
                // Whichever instance held the commands when the second started: the first cannot commit any more.
                if (!first.isRunning()) {
                    assertThat(first.failure()).hasMessageContaining("cannot go on");
                    assertThat(first.ended()).isCompletedExceptionally();
                }
                assertThat(second.isRunning()).isTrue();
                assertThat(second.ended()).isNotDone();
                assertThat(second.state().answeredCommands()).containsAll(commandIds);
                second.close();
                assertThat(second.ended()).isCompleted();
            }
        }
        List<RegistryEvent> log = registry.events();
        Map<String, Long> perCommand = log.stream()
                .collect(Collectors.groupingBy(RegistryEvent::getCommandId, Collectors.counting()));
        assertThat(perCommand.keySet()).containsExactlyInAnyOrderElementsOf(commandIds);
        assertThat(perCommand.values()).containsOnly(1L);
        assertThat(log).hasSize(25);
    }
}
