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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
        PaperTrader.Stats stats = new ReplayRunner(config, new OmegaSerdes(config.schemaRegistry()), "cnn",
                new PrintWriter(out, true)).run(Replay.of(ReplayData.BITSTAMP_BTC_TRADES), () -> ++checks[0] > 500);
        assertThat(stats.bars()).isEqualTo(500);
        assertThat(stats.decisions()).isEqualTo(470);
        assertThat(out.toString()).startsWith("Replaying 9399 one-minute bars of real BTC/USD trades (Bitstamp) ("
                + "2013-11-25T00:00:00Z .. ").contains(" as BTC-USDT-SWAP at 1000000x");
    }

    @Test
    void replaysTheBundledEthCandlesToTheirEndShiftedToEndNow(KafkaTestBroker kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            new TopicInstaller(admin, 3, (short) 1, Duration.ofSeconds(30)).install(Topics.all());
        }
        OmegaConfig config = ConfigLoader.parse("""
                kafka:
                  bootstrap_servers: "%s"
                storage:
                  data_dir: "%s"
                paper_trading:
                  symbols: ["ETH-USDT-SWAP"]
                  replay_speed: 1000000
                """.formatted(kafka.bootstrapServers(), dataDir), Map.of());
        StringWriter out = new StringWriter();
        Instant end = Instant.parse("2026-01-02T00:00:00Z");
        List<PaperTrader> trader = new ArrayList<>();
        PaperTrader.Stats stats = new ReplayRunner(config, new OmegaSerdes(config.schemaRegistry()), "cnn",
                new PrintWriter(out, true)).run(Replay.of(ReplayData.BINANCE_ETH_CANDLES).endingAt(end)
                .onStart(trader::add), () -> false);
        assertThat(stats.bars()).isEqualTo(580);
        // BarFeatures needs its first 30 bars before the first decision, as with the trades
        assertThat(stats.decisions()).isEqualTo(550);
        assertThat(trader).hasSize(1);
        // shifted so that the last candle ends at 'end': 580 candles of five minutes before it
        assertThat(out.toString()).startsWith("Replaying 580 five-minute candles of real ETH/USD trading (Binance US) "
                + "(2025-12-30T23:40:00Z .. 2026-01-01T23:55:00Z) as ETH-USDT-SWAP at 1000000x\n");
    }
}
