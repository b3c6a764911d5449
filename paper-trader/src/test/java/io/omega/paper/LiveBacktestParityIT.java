package io.omega.paper;

import io.omega.config.ConfigLoader;
import io.omega.config.OmegaConfig;
import io.omega.experience.ExperienceRecorder;
import io.omega.learning.backtest.BacktestSettings;
import io.omega.learning.backtest.Backtester;
import io.omega.learning.backtest.Trade;
import io.omega.learning.dataset.LoggedBars;
import io.omega.learning.dataset.MarketRow;
import io.omega.paper.decide.BaselineRules;
import io.omega.paper.decide.Prediction;
import io.omega.paper.market.Bar;
import io.omega.schemas.event.Decision;
import io.omega.schemas.event.Direction;
import io.omega.schemas.event.Execution;
import io.omega.schemas.event.Outcome;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.schemas.topic.TopicInstaller;
import io.omega.schemas.topic.Topics;
import io.omega.testing.kafka.CommittedRecords;
import io.omega.testing.kafka.KafkaBrokerExtension;
import io.omega.testing.kafka.KafkaTestBroker;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Backtest and live trade alike: the paper trader runs on real bars against the real broker, switching deciders
 * mid-run as a promotion and a rollback do; then only what reached the topics (decisions with their bar prices,
 * executions, outcomes) is replayed through the backtester, and every live trade must come out again: entry and exit
 * times, reason and PnL to 1e-9.
 */
@ExtendWith(KafkaBrokerExtension.class)
class LiveBacktestParityIT {

    private static final String SYMBOL = "BTC-PARITY";

    @Test
    void aLoggedStintReplayedThroughTheBacktesterGivesTheLiveTradesExactly(KafkaTestBroker kafka) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            new TopicInstaller(admin, 3, (short) 1, Duration.ofSeconds(30)).install(Topics.all());
        }
        OmegaConfig config = ConfigLoader.parse("""
                kafka:
                  bootstrap_servers: "%s"
                paper_trading:
                  symbols: ["%s"]
                  max_holding_bars: 20
                """.formatted(bootstrap, SYMBOL), Map.of());
        OmegaSerdes serdes = new OmegaSerdes(config.schemaRegistry());
        List<Bar> bars = ReplayData.BITSTAMP_BTC_TRADES.bars(SYMBOL).subList(0, 3_000);

        PaperTrader.Stats stats;
        try (ExperienceRecorder recorder = ExperienceRecorder.create(config.kafka(), 20_000,
                serdes.valueSerializer(SpecificRecord.class), Clock.systemUTC())) {
            PaperTrader trader = new PaperTrader(config.paperTrading(), recorder, Duration.ofMinutes(1), new BaselineRules());
            for (int i = 0; i < bars.size(); i++) {
                if (i == 1_000) { // a "promotion": the rules turned around, so positions change hands mid-trade
                    trader.useProduction((symbol, f) -> {
                        Prediction p = new BaselineRules().predict(symbol, f);
                        return new Prediction(p.pShort(), p.pLong(), p.pFlat(), "cnn", "contrarian");
                    });
                } else if (i == 2_000) {
                    trader.useRules();
                }
                trader.onBar(bars.get(i));
            }
            stats = trader.stats();
        }
        assertThat(stats.outcomes()).isGreaterThan(50);

        var decode = serdes.valueDeserializer(SpecificRecord.class);
        List<Decision> decisions = read(bootstrap, Topics.DECISIONS.name(), (int) stats.decisions(), decode, Decision.class,
                Decision::getSymbol).stream().sorted(Comparator.comparing(Decision::getEventTime)).toList();
        Map<String, Execution> executions = read(bootstrap, Topics.EXECUTIONS.name(), (int) stats.executions(), decode,
                Execution.class, Execution::getSymbol).stream()
                .collect(Collectors.toMap(Execution::getTradeId, Function.identity()));
        List<Outcome> outcomes = read(bootstrap, Topics.OUTCOMES.name(), (int) stats.outcomes(), decode, Outcome.class,
                Outcome::getSymbol).stream().sorted(Comparator.comparing(Outcome::getEventTime)
                .thenComparing(o -> executions.get(o.getTradeId()).getEventTime())).toList();

        // The replay: the logged decisions are the bars and the signals; nothing else is used.
        List<MarketRow> rows = decisions.stream().map(d -> new MarketRow(d.getSymbol(), d.getEventTime(), d.getPrice(),
                d.getMarketFeatures())).toList();
        long[] times = rows.stream().mapToLong(r -> r.time().toEpochMilli()).toArray();
        byte[] signals = new byte[decisions.size()];
        for (int i = 0; i < signals.length; i++) {
            Direction d = decisions.get(i).getDirection();
            signals[i] = (byte) (d == Direction.LONG ? 1 : d == Direction.SHORT ? -1 : 0);
        }
        List<Trade> replayed = new Backtester(BacktestSettings.from(config.paperTrading()))
                .run(LoggedBars.at(times, rows), signals).trades().stream()
                .filter(t -> t.exitReason() != io.omega.learning.backtest.ExitReason.END_OF_DATA).toList();

        assertThat(replayed).hasSize(outcomes.size());
        for (int k = 0; k < replayed.size(); k++) {
            Trade expected = replayed.get(k);
            Outcome live = outcomes.get(k);
            Execution entry = executions.get(live.getTradeId());
            assertThat(entry.getEventTime().toEpochMilli()).as("entry of trade %d", k).isEqualTo(expected.entryTimeMillis());
            assertThat(live.getEventTime().toEpochMilli()).as("exit of trade %d", k).isEqualTo(expected.exitTimeMillis());
            assertThat(live.getExitReason().name()).as("reason of trade %d", k).isEqualTo(expected.exitReason().code());
            assertThat(entry.getEntryPrice()).isCloseTo(expected.entryPrice(), within(1e-9));
            assertThat(live.getExitPrice()).isCloseTo(expected.exitPrice(), within(1e-9));
            assertThat(live.getPnl()).as("pnl of trade %d", k).isCloseTo(expected.pnl(), within(1e-9));
        }
        // every kind of exit was exercised, and both deciders traded
        assertThat(outcomes.stream().map(o -> o.getExitReason().name()).distinct()).contains("SIGNAL", "TIMEOUT");
        assertThat(outcomes.stream().map(Outcome::getModelVersion).distinct()).contains("contrarian",
                BaselineRules.VERSION);
    }

    private static <T> List<T> read(String bootstrap, String topic, int expected,
                                    org.apache.kafka.common.serialization.Deserializer<SpecificRecord> decode,
                                    Class<T> type, Function<T, String> symbol) {
        // Other tests share the broker: only this test's symbol is counted.
        List<T> out = CommittedRecords.read(bootstrap, topic,
                        r -> SYMBOL.equals(symbol.apply(type.cast(decode.deserialize(r.topic(), r.value())))),
                        expected, Duration.ofSeconds(1)).stream()
                .map(r -> type.cast(decode.deserialize(r.topic(), r.value()))).toList();
        assertThat(out).as(topic).hasSize(expected);
        return out;
    }
}
