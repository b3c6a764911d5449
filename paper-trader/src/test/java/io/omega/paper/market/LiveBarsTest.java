package io.omega.paper.market;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiveBarsTest {

    private static final Instant T = Instant.parse("2025-01-24T12:00:00Z");

    @Test
    void eachSymbolHasItsBarsAndALateTradeIsDroppedAndCounted() {
        LiveBars live = new LiveBars(List.of("BTC-USDT-SWAP", "ETH-USDT-SWAP"), Duration.ofMinutes(1));
        List<Bar> out = new ArrayList<>();
        live.add("BTC-USDT-SWAP", new Trade(T.plusSeconds(1), 100, 1)).ifPresent(out::add);
        live.add("ETH-USDT-SWAP", new Trade(T.plusSeconds(2), 10, 5)).ifPresent(out::add);
        live.add("BTC-USDT-SWAP", new Trade(T.plusSeconds(30), 102, 2)).ifPresent(out::add);
        live.add("BTC-USDT-SWAP", new Trade(T.plusSeconds(29), 500, 9)).ifPresent(out::add); // late: dropped
        live.add("BTC-USDT-SWAP", new Trade(T.plusSeconds(61), 101, 1)).ifPresent(out::add);
        live.add("ETH-USDT-SWAP", new Trade(T.plusSeconds(65), 11, 1)).ifPresent(out::add);

        assertThat(out).containsExactly(new Bar("BTC-USDT-SWAP", T, 100, 102, 100, 102, 3, 2),
                new Bar("ETH-USDT-SWAP", T, 10, 10, 10, 10, 5, 1));
        assertThat(live.lateTrades()).isEqualTo(1);
    }

    @Test
    void aTradeOfAnotherSymbolIsRefusedByName() {
        LiveBars live = new LiveBars(List.of("BTC-USDT-SWAP"), Duration.ofMinutes(1));
        assertThatThrownBy(() -> live.add("DOGE-USDT", new Trade(T, 1, 1)))
                .hasMessage("a trade of 'DOGE-USDT', for which no bars are built (symbols: [BTC-USDT-SWAP])");
        assertThatThrownBy(() -> new LiveBars(List.of(), Duration.ofMinutes(1)))
                .hasMessage("live bars need at least one symbol");
    }
}
