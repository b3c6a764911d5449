package io.omega.app.demo;

import io.omega.app.CliRun;
import io.omega.config.OmegaConfig;
import io.omega.kafka.embedded.BrokerSettings;
import io.omega.kafka.embedded.EmbeddedKafkaBroker;
import io.omega.paper.market.Bar;
import io.omega.paper.market.generated.GeneratedMarket;
import io.omega.schemas.event.Decision;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.schemas.topic.Topics;
import io.omega.testing.kafka.CommittedRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code omega demo --replay-file FILE --symbol S}: a user's own candles drive the whole loop, as the bundled trades
 * do. Every bar of the file is replayed, under the user's symbol, and decided once.
 */
class DemoReplayFileIT {

    private static final int BARS = 900;

    @TempDir
    Path dir;

    @Test
    void aUsersCandleFileDrivesTheWholeLoopUnderItsSymbol() throws Exception {
        List<Bar> bars = GeneratedMarket.of(GeneratedMarket.Scenario.RANDOM_WALK, 5).bars("X").subList(0, BARS);
        Path file = dir.resolve("my-candles.csv");
        Files.writeString(file, "timestamp,open,high,low,close,volume\n" + bars.stream()
                .map(b -> String.format(Locale.ROOT, "%d,%.2f,%.2f,%.2f,%.2f,%.4f", b.start().toEpochMilli(), b.open(),
                        b.high(), b.low(), b.close(), b.volume())).collect(Collectors.joining("\n")) + "\n");

        CliRun demo = CliRun.of("demo", "--replay-file", file.toString(), "--symbol", "MY-COIN", "--data-dir",
                dir.resolve("run").toString(), "--dashboard-port", "0", "--minutes", "10"); // a guard: the file ends first

        assertThat(demo.exit()).as("demo exit; stderr:%n%s", demo.err()).isZero();
        assertThat(demo.out()).contains("Loaded my-candles.csv (OHLCV candles as CSV with a header, timestamps in "
                + "epoch milliseconds): " + BARS + " bars of 1 minute, ");
        assertThat(demo.out()).containsPattern("market:\\s+" + BARS + " bars replayed; " + (BARS - 30) + " decisions");

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerSettings.loopback(
                dir.resolve("run").resolve("kafka")))) {
            OmegaSerdes serdes = new OmegaSerdes(OmegaConfig.defaults().schemaRegistry());
            List<Decision> decisions = CommittedRecords.readAll(broker.bootstrapServers(), Topics.DECISIONS.name()).stream()
                    .map(r -> serdes.valueDeserializer(Decision.class).deserialize(r.topic(), r.headers(), r.value()))
                    .filter(d -> !d.getIsShadow()).toList();
            assertThat(decisions).hasSize(BARS - 30).allMatch(d -> d.getSymbol().equals("MY-COIN"));
        }
    }
}
