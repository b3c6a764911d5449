package io.omega.paper;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplayTest {

    @Test
    void aReplayOfDataIsItsOwnTimesUnderTheConfiguredSymbolUnpaced() {
        Replay replay = Replay.of(ReplayData.BINANCE_ETH_CANDLES);
        assertThat(replay.data()).isSameAs(ReplayData.BINANCE_ETH_CANDLES);
        assertThat(replay.symbol()).isEmpty();
        assertThat(replay.endAt()).isEmpty();
        assertThat(replay.pacing()).isSameAs(ReplayPacing.NONE);
    }

    @Test
    void eachWithChangesOneThingAndLeavesTheOthers() {
        Instant end = Instant.parse("2026-01-02T00:00:00Z");
        List<PaperTrader> told = new ArrayList<>();
        ReplayPacing pacing = trader -> { };
        Replay replay = Replay.of(ReplayData.BITSTAMP_BTC_TRADES).named("X").endingAt(end).pacedBy(pacing)
                .onStart(told::add);
        assertThat(replay.data()).isSameAs(ReplayData.BITSTAMP_BTC_TRADES);
        assertThat(replay.symbol()).contains("X");
        assertThat(replay.endAt()).contains(end);
        assertThat(replay.pacing()).isSameAs(pacing);
        replay.started().accept(null);
        assertThat(told).hasSize(1);
        assertThat(replay.named("Y").endAt()).contains(end);
        assertThat(replay.named("Y").pacing()).isSameAs(pacing);
    }

    @Test
    void missingPartsAreRefusedByName() {
        assertThatThrownBy(() -> Replay.of(null)).isInstanceOf(NullPointerException.class).hasMessage("data");
        assertThatThrownBy(() -> Replay.of(ReplayData.BITSTAMP_BTC_TRADES).pacedBy(null))
                .isInstanceOf(NullPointerException.class).hasMessage("pacing");
    }
}
