package io.omega.controller.monitor;

import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

class RollingWinRateTest {

    @Test
    void keepsTheLastResultsOnlyAndCountsTheirWins() {
        RollingWinRate r = new RollingWinRate(3);
        assertThat(r.winRate()).isZero();
        r.add(true);
        r.add(false);
        assertThat(r.count()).isEqualTo(2);
        assertThat(r.isFull()).isFalse();
        assertThat(r.winRate()).isEqualTo(50.0);
        r.add(true);
        r.add(false); // the first win leaves
        assertThat(r.count()).isEqualTo(3);
        assertThat(r.wins()).isEqualTo(1);
        assertThat(r.winRate()).isEqualTo(100.0 / 3);
    }

    @Test
    void aWindowOfManyTradesWrapsCorrectly() {
        RollingWinRate r = new RollingWinRate(50);
        for (int i = 0; i < 1_000; i++) {
            r.add(i % 4 == 0);
        }
        assertThat(r.count()).isEqualTo(50);
        assertThat(r.wins()).isEqualTo(12); // of trades 950..999, those divisible by 4: 952..996
    }

    @Test
    void resizingKeepsTheNewestResults() {
        RollingWinRate r = new RollingWinRate(4);
        for (boolean win : new boolean[]{true, true, false, false, true}) {
            r.add(win); // window now: true, false, false, true
        }
        RollingWinRate smaller = r.resized(2);
        assertThat(smaller.count()).isEqualTo(2);
        assertThat(smaller.wins()).isEqualTo(1); // false, true
        RollingWinRate larger = r.resized(10);
        assertThat(larger.count()).isEqualTo(4);
        assertThat(larger.wins()).isEqualTo(2);
        larger.add(false);
        assertThat(larger.count()).isEqualTo(5);
    }
}
