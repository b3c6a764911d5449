package io.omega.exchange.okx;

import java.util.concurrent.atomic.AtomicLong;

/** The stream's counters, written from its I/O and timer threads, read as one {@link OkxStreamStats}. */
final class StreamCounters {

    final AtomicLong connectAttempts = new AtomicLong();
    final AtomicLong connects = new AtomicLong();
    final AtomicLong reconnects = new AtomicLong();
    final AtomicLong connectFailures = new AtomicLong();
    final AtomicLong disconnects = new AtomicLong();
    final AtomicLong frames = new AtomicLong();
    final AtomicLong trades = new AtomicLong();
    final AtomicLong serverErrors = new AtomicLong();
    final AtomicLong malformedFrames = new AtomicLong();
    final AtomicLong pingsSent = new AtomicLong();
    final AtomicLong pongsReceived = new AtomicLong();
    final AtomicLong pongTimeouts = new AtomicLong();
    final AtomicLong listenerFailures = new AtomicLong();
    final AtomicLong unsubscribedTrades = new AtomicLong();
    final AtomicLong refusedSubscriptions = new AtomicLong();
    final AtomicLong unansweredSubscriptions = new AtomicLong();

    OkxStreamStats snapshot() {
        return new OkxStreamStats(connectAttempts.get(), connects.get(), reconnects.get(), connectFailures.get(),
                disconnects.get(), frames.get(), trades.get(), serverErrors.get(), malformedFrames.get(),
                pingsSent.get(), pongsReceived.get(), pongTimeouts.get(), listenerFailures.get(),
                unsubscribedTrades.get(), refusedSubscriptions.get(), unansweredSubscriptions.get());
    }
}
