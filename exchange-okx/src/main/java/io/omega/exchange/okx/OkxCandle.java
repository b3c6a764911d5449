package io.omega.exchange.okx;

import java.time.Instant;

/**
 * One pushed candlestick ({@code candle1m} etc.): {@code [ts,o,h,l,c,vol,volCcy,volCcyQuote,confirm]}. OKX pushes
 * the open candle again and again while it forms; {@code confirmed} is set on its last push only.
 */
public record OkxCandle(Instant start, double open, double high, double low, double close, double volume,
                        double volumeCurrency, double volumeQuote, boolean confirmed) {
}
