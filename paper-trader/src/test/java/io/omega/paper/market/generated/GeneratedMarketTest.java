package io.omega.paper.market.generated;

import io.omega.learning.backtest.BacktestResult;
import io.omega.learning.backtest.BacktestSettings;
import io.omega.learning.backtest.Backtester;
import io.omega.learning.backtest.Bars;
import io.omega.learning.rules.MomentumRules;
import io.omega.paper.features.BarFeatures;
import io.omega.paper.market.Bar;
import io.omega.paper.market.generated.GeneratedMarket.Scenario;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeneratedMarketTest {

    @Test
    void theSameScenarioAndSeedGiveTheSameBarsAndAnotherSeedOthers() {
        List<Bar> a = GeneratedMarket.of(Scenario.PLANTED_SIGNAL, 7).bars("X");
        List<Bar> b = GeneratedMarket.of(Scenario.PLANTED_SIGNAL, 7).bars("X");
        List<Bar> c = GeneratedMarket.of(Scenario.PLANTED_SIGNAL, 8).bars("X");
        assertThat(a).hasSize(GeneratedMarket.DEFAULT_MINUTES).isEqualTo(b);
        assertThat(c.get(100).close()).isNotEqualTo(a.get(100).close());
        assertThat(a).allSatisfy(bar -> {
            assertThat(bar.low()).isLessThanOrEqualTo(Math.min(bar.open(), bar.close()));
            assertThat(bar.high()).isGreaterThanOrEqualTo(Math.max(bar.open(), bar.close()));
        });
        assertThat(a.get(1).start()).isEqualTo(a.get(0).start().plusSeconds(60));
    }

    /** The shock bars (volume at least {@link GeneratedMarket#SHOCK_VOLUME}) from minute {@code from} to {@code to}. */
    private static List<Integer> shocks(List<Bar> bars, int from, int to) {
        return IntStream.range(from, to).filter(m -> bars.get(m).volume() >= GeneratedMarket.SHOCK_VOLUME).boxed()
                .toList();
    }

    /** The share of shocks after which the price half an hour later is back on the other side of the shock's close. */
    private static double reversalRate(List<Bar> bars, List<Integer> shocks) {
        long reverted = shocks.stream().filter(m -> m + GeneratedMarket.HOLD_MINUTES < bars.size()).filter(m -> {
            Bar shock = bars.get(m);
            double after = bars.get(m + GeneratedMarket.HOLD_MINUTES).close() / shock.close();
            return (shock.close() > shock.open()) == (after < 1);
        }).count();
        return (double) reverted / shocks.size();
    }

    @Test
    void thePlantedShocksRevertAtTheSignalsStrengthTheRandomWalkHasNoneAndTheFlipTurnsThem() {
        int n = GeneratedMarket.DEFAULT_MINUTES;
        for (long seed = 1; seed <= 3; seed++) {
            List<Bar> planted = GeneratedMarket.of(Scenario.PLANTED_SIGNAL, seed).bars("X");
            List<Bar> flip = GeneratedMarket.of(Scenario.REGIME_FLIP, seed).bars("X");
            assertThat(shocks(GeneratedMarket.of(Scenario.RANDOM_WALK, seed).bars("X"), 0, n)).isEmpty();
            List<Integer> shocks = shocks(planted, 0, n);
            // one shock per 45 minutes on average (30 of aftermath + 15 of waiting): about 190 in six days
            assertThat(shocks).as("seed %d", seed).hasSizeBetween(150, 230);
            assertThat(shocks.get(0)).isGreaterThanOrEqualTo(GeneratedMarket.QUIET_START_MINUTES);
            // 0.8 of the shocks drift back by their size, which beats 30 minutes of noise (0.55 %) over 99 % of the
            // time: about 0.8 revert, with a standard error of 2.9 points
            assertThat(reversalRate(planted, shocks)).as("planted, seed %d", seed).isBetween(0.70, 0.90);
            int f = GeneratedMarket.FLIP_MINUTES;
            assertThat(flip).hasSize(f);
            // about 145 shocks on each side of the flip: a standard error of 3.3 points
            assertThat(reversalRate(flip, shocks(flip, 0, f / 2))).as("before the flip, seed %d", seed)
                    .isBetween(0.69, 0.91);
            assertThat(reversalRate(flip, shocks(flip, f / 2, f))).as("after the flip, seed %d", seed)
                    .isBetween(0.09, 0.31);
        }
    }

    @Test
    void theEnginesRulesLoseOnThePlantedShocksWhileTradingTheirReversalEarns() {
        // the demo's trading settings: stop 1 %, target 2 %, at most 90 bars, threshold 0.55, fees and slippage
        Backtester backtester = new Backtester(BacktestSettings.DEFAULTS.withExits(1.0, 2.0, 90)
                .withDecisionThreshold(0.55));
        for (long seed = 1; seed <= 3; seed++) {
            List<Bar> bars = GeneratedMarket.of(Scenario.PLANTED_SIGNAL, seed).bars("X");
            int n = bars.size();
            BarFeatures features = new BarFeatures();
            byte[] rules = new byte[n];
            byte[] reversal = new byte[n];
            for (int i = 0; i < n; i++) {
                Bar bar = bars.get(i);
                var f = features.update(bar);
                if (f.isPresent()) {
                    MomentumRules.Probabilities p = MomentumRules.predict(f.get());
                    rules[i] = (byte) Backtester.signal(p.pLong(), p.pShort(), p.pFlat(), 0.55);
                }
                if (bar.volume() >= GeneratedMarket.SHOCK_VOLUME) {
                    reversal[i] = (byte) (bar.close() > bar.open() ? -1 : 1);
                }
            }
            Bars prices = new Bars(bars.stream().mapToLong(b -> b.start().toEpochMilli()).toArray(),
                    bars.stream().mapToDouble(Bar::open).toArray(), bars.stream().mapToDouble(Bar::high).toArray(),
                    bars.stream().mapToDouble(Bar::low).toArray(), bars.stream().mapToDouble(Bar::close).toArray());
            double rulesPerTrade = meanReturn(backtester.run(prices, rules));
            double reversalPerTrade = meanReturn(backtester.run(prices, reversal));
            System.out.printf(java.util.Locale.ROOT, "seed %d: rules %.4f %%, reversal %.4f %% a trade%n", seed,
                    100 * rulesPerTrade, 100 * reversalPerTrade);
            assertThat(rulesPerTrade).as("rules, seed %d", seed).isNegative();
            assertThat(reversalPerTrade).as("reversal, seed %d", seed).isGreaterThan(0.003);
        }
    }

    /** Mean return per trade on the position (the account's share of 10 % per position), after costs. */
    private static double meanReturn(BacktestResult result) {
        return result.trades().stream().mapToDouble(t -> t.returnOnEquity() / 0.10).average().orElseThrow();
    }

    @Test
    void badSettingsAreRefusedByName() {
        assertThatThrownBy(() -> new GeneratedMarket(Scenario.PLANTED_SIGNAL, 1, 0.4, 1_000,
                java.time.Instant.EPOCH)).hasMessageContaining("signal strength must be in [0.5, 1], got 0.4");
        assertThatThrownBy(() -> Scenario.parse("sideways"))
                .hasMessageContaining("unknown scenario 'sideways': expected one of [random-walk, planted-signal, regime-flip]");
        assertThat(Scenario.parse("regime-flip")).isEqualTo(Scenario.REGIME_FLIP);
    }
}
