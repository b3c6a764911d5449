package io.omega.paper;

import io.omega.config.ConfigLoader;
import io.omega.config.OmegaConfig;
import io.omega.experience.ExperienceRecorder;
import io.omega.paper.decide.BaselineRules;
import io.omega.paper.decide.Prediction;
import io.omega.paper.market.Bar;
import io.omega.paper.market.BarAggregator;
import io.omega.paper.market.BundledBitstampTrades;
import io.omega.paper.market.Trade;
import io.omega.schemas.event.Decision;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine on real market data and the real broker: the first 2,000 one-minute bars of the bundled Bitstamp
 * trades, the baseline in production, a shadow model beside it that fails now and then. What reaches the topics is
 * exactly what the trader says it did.
 */
@ExtendWith(KafkaBrokerExtension.class)
class PaperTraderIT {

    @Test
    void realTradesBecomeDecisionsExecutionsAndOutcomesOnTheTopics(KafkaTestBroker kafka) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            new TopicInstaller(admin, 3, (short) 1, Duration.ofSeconds(30)).install(Topics.all());
        }
        OmegaConfig config = ConfigLoader.parse("""
                kafka:
                  bootstrap_servers: "%s"
                paper_trading:
                  symbols: ["BTC-USD"]
                """.formatted(bootstrap), Map.of());
        OmegaSerdes serdes = new OmegaSerdes(config.schemaRegistry());
        List<Bar> bars = new ArrayList<>();
        BarAggregator aggregator = new BarAggregator("BTC-USD", Duration.ofMinutes(1));
        for (Trade t : BundledBitstampTrades.load()) {
            aggregator.add(t).ifPresent(bars::add);
            if (bars.size() == 2_000) {
                break;
            }
        }

        PaperTrader.Stats stats;
        try (ExperienceRecorder recorder = ExperienceRecorder.create(config.kafka(), 10_000,
                serdes.valueSerializer(SpecificRecord.class), Clock.systemUTC())) {
            PaperTrader trader = new PaperTrader(config.paperTrading(), recorder, Duration.ofMinutes(1), new BaselineRules());
            int[] calls = {0};
            trader.useShadow((symbol, features) -> {
                if (++calls[0] % 100 == 0) {
                    throw new IllegalStateException("shadow model broke");
                }
                return new Prediction(0.7, 0.2, 0.1, "cnn", "20250124_120000");
            });
            bars.forEach(trader::onBar);
            stats = trader.stats();
        }

        assertThat(stats.bars()).isEqualTo(2_000);
        assertThat(stats.decisions()).isEqualTo(2_000 - 30); // the features need 31 bars
        assertThat(stats.shadowFailures()).isEqualTo(19);
        assertThat(stats.shadowDecisions()).isEqualTo(stats.decisions() - 19);
        assertThat(stats.executions()).isPositive();
        assertThat(stats.outcomes()).isBetween(stats.executions() - 1, stats.executions());

        var decode = serdes.valueDeserializer(SpecificRecord.class);
        // Other tests share the broker (the live runner's among them): only this test's symbol is counted.
        var decisions = CommittedRecords.read(bootstrap, Topics.DECISIONS.name(),
                r -> "BTC-USD".equals(((Decision) decode.deserialize(r.topic(), r.value())).getSymbol()),
                (int) (stats.decisions() + stats.shadowDecisions()), Duration.ofSeconds(1)).stream()
                .map(r -> (Decision) decode.deserialize(r.topic(), r.value())).toList();
        assertThat(decisions).hasSize((int) (stats.decisions() + stats.shadowDecisions()));
        assertThat(decisions.stream().filter(Decision::getIsShadow).count()).isEqualTo(stats.shadowDecisions());
        assertThat(decisions.stream().filter(d -> !d.getIsShadow()).map(Decision::getModelType).distinct())
                .containsExactly("baseline");
        assertThat(decisions.get(0).getMarketFeatures()).containsKeys("ret_1", "ret_5", "vol_15", "rsi_14");
        var executions = CommittedRecords.read(bootstrap, Topics.EXECUTIONS.name(),
                r -> "BTC-USD".equals(((Execution) decode.deserialize(r.topic(), r.value())).getSymbol()),
                (int) stats.executions(), Duration.ofSeconds(1));
        assertThat(executions).hasSize((int) stats.executions());
        assertThat(executions).allSatisfy(r -> assertThat(((Execution) decode.deserialize(r.topic(), r.value()))
                .getModelType()).isEqualTo("baseline"));
        var outcomes = CommittedRecords.read(bootstrap, Topics.OUTCOMES.name(),
                r -> "BTC-USD".equals(((Outcome) decode.deserialize(r.topic(), r.value())).getSymbol()),
                (int) stats.outcomes(), Duration.ofSeconds(1));
        assertThat(outcomes).hasSize((int) stats.outcomes());
        assertThat(outcomes).allSatisfy(r -> assertThat(((Outcome) decode.deserialize(r.topic(), r.value()))
                .getExitPrice()).isPositive());
    }
}
