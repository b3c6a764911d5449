package io.omega.paper.market.generated;

import io.omega.paper.market.Bar;
import io.omega.paper.market.generated.GeneratedMarket.Scenario;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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

    /** The share of half-hour blocks whose direction the sign of the 15 minutes before it called right. */
    private static double momentumHitRate(List<Bar> bars, int from, int to) {
        int hits = 0;
        int blocks = 0;
        for (int m = Math.max(from, 30); m + 30 <= to; m += 30) {
            double past = bars.get(m - 1).close() / bars.get(m - 16).close();
            double next = bars.get(m + 29).close() / bars.get(m - 1).close();
            blocks++;
            if ((past >= 1) == (next >= 1)) {
                hits++;
            }
        }
        return (double) hits / blocks;
    }

    @Test
    void thePlantedSignalIsThereAtItsStrengthTheRandomWalkHasNoneAndTheFlipReversesIt() {
        for (long seed = 1; seed <= 3; seed++) {
            List<Bar> planted = GeneratedMarket.of(Scenario.PLANTED_SIGNAL, seed).bars("X");
            List<Bar> walk = GeneratedMarket.of(Scenario.RANDOM_WALK, seed).bars("X");
            List<Bar> flip = GeneratedMarket.of(Scenario.REGIME_FLIP, seed).bars("X");
            int n = GeneratedMarket.DEFAULT_MINUTES;
            // 288 blocks: a standard error of about 2.7 points; the drift over a block is about 2 minute-volatilities
            assertThat(momentumHitRate(planted, 0, n)).as("planted, seed %d", seed).isBetween(0.6, 0.8);
            assertThat(momentumHitRate(walk, 0, n)).as("random walk, seed %d", seed).isCloseTo(0.5, within(0.09));
            assertThat(momentumHitRate(flip, 0, n / 2)).as("before the flip, seed %d", seed).isBetween(0.57, 0.83);
            assertThat(momentumHitRate(flip, n / 2, n)).as("after the flip, seed %d", seed).isBetween(0.17, 0.43);
        }
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
