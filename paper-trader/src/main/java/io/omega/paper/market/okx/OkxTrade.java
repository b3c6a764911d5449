package io.omega.paper.market.okx;

import io.omega.paper.market.Trade;

/**
 * One pushed entry of the {@code trades} channel. OKX aggregates the fills of one taker order at one price into one
 * entry: {@code tradeId} is the last of them and {@code count} how many there were. For swaps {@code sz} (hence
 * {@code trade().amount()}) is in contracts, not in the base currency.
 */
public record OkxTrade(String instId, String tradeId, Side side, int count, Trade trade) {

    public enum Side { BUY, SELL }

    public OkxTrade {
        if (count < 1) {
            throw new IllegalArgumentException("an OKX trade aggregates at least one fill, got count " + count);
        }
    }
}
