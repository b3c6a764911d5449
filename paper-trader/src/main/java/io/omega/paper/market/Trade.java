package io.omega.paper.market;

import java.time.Instant;

/** One executed trade of the market: when, at what price, how much. */
public record Trade(Instant time, double price, double amount) {

    public Trade {
        if (!(price > 0) || Double.isInfinite(price)) {
            throw new IllegalArgumentException("trade price must be positive and finite, got " + price);
        }
        if (!(amount >= 0) || Double.isInfinite(amount)) {
            throw new IllegalArgumentException("trade amount must be >= 0 and finite, got " + amount);
        }
    }
}
