package io.omega.exchange.okx;

import java.time.Instant;
import java.util.List;

/**
 * One pushed snapshot of the {@code books5} channel: the best five levels a side (OKX sends the whole five every
 * time, never increments, so no checksum or sequence bookkeeping is needed). {@code seqId} is -1 when absent.
 */
public record OkxBook(String instId, Instant time, List<Level> asks, List<Level> bids, long seqId) {

    /** A price level; for swaps the size is in contracts. */
    public record Level(double price, double size, int orders) {
    }

    public OkxBook {
        asks = List.copyOf(asks);
        bids = List.copyOf(bids);
    }
}
