package io.omega.app.paper;

import io.omega.app.CliRun;
import io.omega.testing.kafka.KafkaBrokerExtension;
import io.omega.testing.kafka.KafkaTestBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code omega paper-trader --replay-file}: a user's own candles replayed against the test broker, or refused. */
@ExtendWith(KafkaBrokerExtension.class)
class ReplayFileIT {

    @TempDir
    Path dir;

    private Path config(KafkaTestBroker kafka) throws IOException {
        Path config = dir.resolve("c.yaml");
        Files.writeString(config, """
                kafka:
                  bootstrap_servers: "%s"
                paper_trading:
                  symbols: ["BTC-TEST"]
                  replay_speed: 1000000
                storage:
                  data_dir: "%s"
                """.formatted(kafka.bootstrapServers(), dir.resolve("data").toString().replace("\\", "/")));
        return config;
    }

    @Test
    void aUsersCandlesAreReplayedWithTheirOriginalTimes(KafkaTestBroker kafka) throws IOException {
        Path config = config(kafka);
        assertThat(CliRun.of("topics", "create", "--bootstrap-servers", kafka.bootstrapServers()).exit()).isZero();
        Path file = dir.resolve("tiny.csv");
        Files.writeString(file, """
                timestamp,open,high,low,close,volume
                1704067200000,100,101,99,100.5,10
                1704067260000,100.5,102,100,101,12
                1704067320000,101,101.5,100.5,101.2,3
                1704067380000,101.2,101.4,100.9,101,4
                1704067560000,101,101.1,100.2,100.4,5
                """);

        CliRun run = CliRun.of("paper-trader", "--config", config.toString(), "--replay-file", file.toString(),
                "--market-time", "original");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("""
                Loaded tiny.csv (OHLCV candles as CSV with a header, timestamps in epoch milliseconds): 5 bars of 1 \
                minute, 2024-01-01T00:00:00Z .. 2024-01-01T00:06:00Z; 1 gap, 2 bars missing: 2024-01-01T00:03:00Z -> \
                2024-01-01T00:06:00Z (2 missing); no duplicates
                Replaying 5 bars of 1 minute from tiny.csv (2024-01-01T00:00:00Z .. 2024-01-01T00:06:00Z) as BTC-TEST \
                at 1000000x
                """);
        assertThat(run.out()).contains("Paper trader stopped: Stats[bars=5, ");
    }

    @Test
    void aMalformedFileExitsTwoNamingFileLineAndField(KafkaTestBroker kafka) throws IOException {
        Path file = dir.resolve("prices.csv");
        Files.writeString(file, """
                timestamp,open,high,low,close,volume
                1704067200000,100,101,99,100.5,10
                1704067260000,100.5,abc,100,101,12
                """);

        CliRun run = CliRun.of("paper-trader", "--config", config(kafka).toString(), "--replay-file", file.toString(),
                "--symbol", "ETH-TEST");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("omega paper-trader: prices.csv line 3, field 'high': expected a number, "
                + "got 'abc'\n");
    }

    @Test
    void aReplayFileWithAnotherChoiceOfDataIsAUsageErrorNamingBoth(KafkaTestBroker kafka) throws IOException {
        CliRun paper = CliRun.of("paper-trader", "--config", config(kafka).toString(), "--replay-file", "x.csv",
                "--replay-data", "binance-eth-candles");
        assertThat(paper.exit()).isEqualTo(2);
        assertThat(paper.err()).startsWith("--replay-file and --replay-data both choose the market data: give one of "
                + "them\n");

        CliRun demo = CliRun.of("demo", "--replay-file", "x.csv", "--scenario", "random-walk");
        assertThat(demo.exit()).isEqualTo(2);
        assertThat(demo.err()).startsWith("--replay-file and --scenario random-walk both choose the market data: give "
                + "one of them\n");

        CliRun symbol = CliRun.of("paper-trader", "--config", config(kafka).toString(), "--symbol", "X");
        assertThat(symbol.exit()).isEqualTo(2);
        assertThat(symbol.err()).startsWith("--symbol applies to --replay-file only\n");
    }
}
