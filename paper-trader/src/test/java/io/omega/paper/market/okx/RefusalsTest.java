package io.omega.paper.market.okx;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RefusalsTest {

    private static final OkxArg BTC = OkxArg.trades("BTC-USDT");
    private static final OkxArg BTC_SWAP = OkxArg.trades("BTC-USDT-SWAP");
    private static final OkxArg BTC_SWAP_TICKERS = new OkxArg("tickers", "BTC-USDT-SWAP");

    @Test
    void theInstrumentAndChannelNamedByOkxAreTheRefusedOnes() {
        List<OkxArg> pending = List.of(BTC, BTC_SWAP, BTC_SWAP_TICKERS);
        assertThat(Refusals.named(pending, "channel:trades,instId:BTC-USDT-SWAP doesn't exist"))
                .containsExactly(BTC_SWAP);
        assertThat(Refusals.named(pending, "Invalid request: {\"op\": \"subscribe\", \"argss\":[{ \"channel\" : "
                + "\"tickers\", \"instId\" : \"BTC-USDT-SWAP\"}]}")).containsExactly(BTC_SWAP_TICKERS);
        assertThat(Refusals.named(pending, "instId:BTC-USDT doesn't exist")).containsExactly(BTC);
    }

    @Test
    void anErrorNamingNoInstrumentRefusesNone() {
        assertThat(Refusals.named(List.of(BTC), "Requests too frequent.")).isEmpty();
        assertThat(Refusals.named(List.of(BTC), "")).isEmpty();
        assertThat(Refusals.named(List.of(), "channel:trades,instId:BTC-USDT doesn't exist")).isEmpty();
    }
}
