package io.omega.app;

import io.omega.testing.kafka.KafkaBrokerExtension;
import io.omega.testing.kafka.KafkaTestBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(KafkaBrokerExtension.class)
class CommandLineIT {

    private final String bootstrap;

    @TempDir
    Path dir;

    CommandLineIT(KafkaTestBroker kafka) {
        this.bootstrap = kafka.bootstrapServers();
    }

    @Test
    void theShippedConfigurationIsValid() {
        CliRun run = CliRun.of("config", "check", "../config/trading_config.yaml");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("../config/trading_config.yaml: valid");
        assertThat(run.out()).contains("self-learning off, shadow mode off, manual approval required");
    }

    @Test
    void anInvalidConfigurationExitsTwoNamingEveryProblem() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                self_learning:
                  min_eval_winrate_for_promotion: 120
                  performance_monitor_window_trades: -5
                  min_trade_before_retrain: 10
                """);

        CliRun run = CliRun.of("config", "check", file.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains(file + ": invalid, 3 problem(s):");
        assertThat(run.err()).contains("self_learning.min_eval_winrate_for_promotion");
        assertThat(run.err()).contains("self_learning.performance_monitor_window_trades");
        assertThat(run.err()).contains("self_learning.min_trade_before_retrain");
    }

    @Test
    void aMissingConfigurationFileIsNamed() {
        CliRun run = CliRun.of("config", "check", dir.resolve("nope.yaml").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("nope.yaml");
    }

    @Test
    void topicsCreateThenListShowsEveryTopicPresent() {
        CliRun created = CliRun.of("topics", "create", "--bootstrap-servers", bootstrap);
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out()).containsPattern("\\d+ created, \\d+ already present, 0 with configs reset");

        CliRun again = CliRun.of("topics", "create", "--bootstrap-servers", bootstrap);
        assertThat(again.out()).contains("0 created, 18 already present, 0 with configs reset");

        CliRun listed = CliRun.of("topics", "list", "--bootstrap-servers", bootstrap);
        assertThat(listed.exit()).isZero();
        assertThat(listed.out()).contains("18 of 18 topics present");
        assertThat(listed.out()).containsPattern("omega\\.registry-events\\s+1\\s+model type\\s+RegistryEvent\\s+forever");
        assertThat(listed.out()).containsPattern("omega\\.decisions\\s+3\\s+symbol\\s+Decision\\s+7 days");
    }

    @Test
    void unknownSubcommandIsAUsageError() {
        CliRun run = CliRun.of("topics", "frobnicate");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Unmatched argument at index 1: 'frobnicate'");
    }
}
