package io.omega.paper;

import io.omega.config.ConfigLoader;
import io.omega.config.OmegaConfig;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.schemas.topic.TopicInstaller;
import io.omega.schemas.topic.Topics;
import io.omega.testing.kafka.KafkaBrokerExtension;
import io.omega.testing.kafka.KafkaTestBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(KafkaBrokerExtension.class)
class ReplayRunnerIT {

    @TempDir
    Path dataDir;

    @Test
    void replaysTheBundledTradesUntilToldToStop(KafkaTestBroker kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            new TopicInstaller(admin, 3, (short) 1, Duration.ofSeconds(30)).install(Topics.all());
        }
        OmegaConfig config = ConfigLoader.parse("""
                kafka:
                  bootstrap_servers: "%s"
                storage:
                  data_dir: "%s"
                paper_trading:
                  replay_speed: 1000000
                """.formatted(kafka.bootstrapServers(), dataDir), Map.of());
        StringWriter out = new StringWriter();
        int[] checks = {0};
        PaperTrader.Stats stats = ReplayRunner.run(config, new OmegaSerdes(config.schemaRegistry()), "cnn",
                new PrintWriter(out, true), () -> ++checks[0] > 500);
        assertThat(stats.bars()).isEqualTo(500);
        assertThat(stats.decisions()).isEqualTo(470);
        assertThat(out.toString()).startsWith("Replaying 9399 one-minute bars of real BTC/USD trades (Bitstamp, "
                + "2013-11-25T00:00:00Z .. ").contains(" as BTC-USDT-SWAP at 1000000x");
    }
}
