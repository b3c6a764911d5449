package io.omega.exchange.okx;

import java.time.Instant;

/**
 * One pushed entry of the {@code trades} channel: {@code ts} as {@code time}, {@code px} as {@code price}, {@code sz}
 * as {@code amount}. OKX aggregates the fills of one taker order at one price into one entry: {@code tradeId} is the
 * last of them and {@code count} how many there were. For swaps {@code sz} (hence {@code amount}) is in contracts,
 * not in the base currency.
 */
public record OkxTrade(String instId, String tradeId, Side side, int count, Instant time, double price,
                       double amount) {

    public enum Side { BUY, SELL }

    public OkxTrade {
        if (count < 1) {
            throw new IllegalArgumentException("an OKX trade aggregates at least one fill, got count " + count);
        }
        if (!(price > 0) || Double.isInfinite(price)) {
            throw new IllegalArgumentException("trade price must be positive and finite, got " + price);
        }
        if (!(amount >= 0) || Double.isInfinite(amount)) {
            throw new IllegalArgumentException("trade amount must be >= 0 and finite, got " + amount);
        }
    }
}
