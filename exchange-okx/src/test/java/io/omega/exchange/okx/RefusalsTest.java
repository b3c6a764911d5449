package io.omega.exchange.okx;

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
        assertThat(Refusals.named(pending, error("channel:trades,instId:BTC-USDT-SWAP doesn't exist")))
                .containsExactly(BTC_SWAP);
        assertThat(Refusals.named(pending, error("Invalid request: {\"op\": \"subscribe\", \"argss\":[{ \"channel\" : "
                + "\"tickers\", \"instId\" : \"BTC-USDT-SWAP\"}]}"))).containsExactly(BTC_SWAP_TICKERS);
        assertThat(Refusals.named(pending, error("instId:BTC-USDT doesn't exist"))).containsExactly(BTC);
    }

    @Test
    void anArgOnTheErrorNamesTheRefusedOneWhenTheMessageDoesNot() {
        List<OkxArg> pending = List.of(BTC, BTC_SWAP, BTC_SWAP_TICKERS);
        assertThat(Refusals.named(pending, new OkxEvent.ServerError("60018", "channel not found", "c1",
                BTC_SWAP_TICKERS))).containsExactly(BTC_SWAP_TICKERS);
        assertThat(Refusals.named(pending, new OkxEvent.ServerError("60018", "channel not found", "c1",
                OkxArg.trades("ETH-USDT")))).isEmpty();
    }

    @Test
    void anErrorNamingNoInstrumentRefusesNone() {
        assertThat(Refusals.named(List.of(BTC), error("Requests too frequent."))).isEmpty();
        assertThat(Refusals.named(List.of(BTC), error(""))).isEmpty();
        assertThat(Refusals.named(List.of(), error("channel:trades,instId:BTC-USDT doesn't exist"))).isEmpty();
    }

    private static OkxEvent.ServerError error(String message) {
        return new OkxEvent.ServerError("60018", message, "c1");
    }
}
