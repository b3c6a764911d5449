package io.omega.paper.market;

import java.time.Instant;

/** The trades of one interval: open, high, low, close, volume and how many trades there were. */
public record Bar(String symbol, Instant start, double open, double high, double low, double close, double volume,
                  int trades) {
}
