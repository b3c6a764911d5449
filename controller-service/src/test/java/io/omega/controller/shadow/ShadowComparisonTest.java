package io.omega.controller.shadow;

import io.omega.learning.backtest.BacktestSettings;
import io.omega.schemas.event.Decision;
import io.omega.schemas.event.Direction;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ShadowComparisonTest {

    private static final Instant T0 = Instant.parse("2025-01-24T12:00:00Z");
    // no costs, exits on a 2 % target or after 5 bars: easy to reason about
    private static final BacktestSettings RULES = new BacktestSettings(10_000, 0, 0, 100, 50, 2, 5, 0.55);

    @Test
    void aShadowModelIsScoredOnProductionsBarsBesideProductionUnderTheSameRules() {
        ShadowComparison comparison = new ShadowComparison(RULES, 1_000);
        double price = 100;
        for (int i = 0; i < 60; i++) {
            price *= 1.005; // a steady rise: long wins, short loses
            Instant t = T0.plusSeconds(60L * i);
            comparison.apply(decision(t, price, Direction.SHORT, false, "baseline", "rules"));
            comparison.apply(decision(t, price, Direction.LONG, true, "cnn", "20250124_120000"));
        }
        // a shadow decision at a time production did not decide is not a bar
        comparison.apply(decision(T0.plusSeconds(30), 100, Direction.SHORT, true, "cnn", "20250124_120000"));
        // a shadow model with a single common bar cannot be scored yet
        comparison.apply(decision(T0, 100.5, Direction.LONG, true, "lstm", "20250124_130000"));

        List<ShadowComparison.SideBySide> results = comparison.compare();

        assertThat(results).hasSize(1);
        ShadowComparison.SideBySide s = results.get(0);
        assertThat(s.modelType()).isEqualTo("cnn");
        assertThat(s.version()).isEqualTo("20250124_120000");
        assertThat(s.symbol()).isEqualTo("BTC-USDT-SWAP");
        assertThat(s.bars()).isEqualTo(60);
        assertThat(s.shadowEquity()).hasSize(60);
        assertThat(s.productionEquity()).hasSize(60);
        assertThat(s.shadow().totalTrades()).isPositive();
        assertThat(s.shadow().winningTrades()).isEqualTo(s.shadow().totalTrades());
        assertThat(s.shadow().totalPnl()).isPositive();
        assertThat(s.production().totalTrades()).isPositive();
        assertThat(s.production().winningTrades()).isZero();
        assertThat(s.production().totalPnl()).isNegative();

        Map<String, Object> described = ShadowComparison.describe(s, 10);
        assertThat((double[]) described.get("shadow_equity")).hasSize(10);
        assertThat(((double[]) described.get("shadow_equity"))[9]).isEqualTo(s.shadowEquity()[59]);
    }

    @Test
    void onlyTheLastBarsAreKept() {
        ShadowComparison comparison = new ShadowComparison(RULES, 10);
        for (int i = 0; i < 25; i++) {
            Instant t = T0.plusSeconds(60L * i);
            comparison.apply(decision(t, 100 + i, Direction.FLAT, false, "baseline", "rules"));
            comparison.apply(decision(t, 100 + i, Direction.FLAT, true, "cnn", "20250124_120000"));
        }
        assertThat(comparison.compare()).singleElement().extracting(ShadowComparison.SideBySide::bars).isEqualTo(10);
        assertThat(comparison.compare().get(0).shadow().totalTrades()).isZero();
    }

    private static Decision decision(Instant t, double price, Direction direction, boolean shadow, String type,
                                     String version) {
        Map<String, Double> p = switch (direction) {
            case LONG -> Map.of("LONG", 0.9, "SHORT", 0.05, "FLAT", 0.05);
            case SHORT -> Map.of("LONG", 0.05, "SHORT", 0.9, "FLAT", 0.05);
            case FLAT -> Map.of("LONG", 0.1, "SHORT", 0.1, "FLAT", 0.8);
        };
        return new Decision("d-" + t + shadow + type, t, "BTC-USDT-SWAP", price, Map.of("rsi", 50.0), direction, 0.9, p,
                type, version, shadow, false);
    }
}
