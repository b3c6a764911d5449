package io.omega.exchange.okx;

import java.time.Instant;

/**
 * One pushed entry of the {@code tickers} channel: the last trade and the best bid and ask. OKX sends the bid and
 * ask empty before an instrument opens; they are NaN then, rather than failing the frame.
 */
public record OkxTicker(String instId, Instant time, double last, double lastSize, double bidPrice, double bidSize,
                        double askPrice, double askSize) {
}
