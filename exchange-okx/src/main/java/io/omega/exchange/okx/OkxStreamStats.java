package io.omega.exchange.okx;

/**
 * What a stream has done. {@code reconnects} are connections opened after the first; {@code disconnects} are open
 * connections lost (dropped by the server, failed, or given up on for want of a pong), not the final close;
 * {@code frames} are whole text messages, however many WebSocket fragments each came in; {@code trades} those of
 * subscribed instruments, handed on, {@code unsubscribedTrades} those of any other instrument, ignored;
 * {@code refusedSubscriptions} and {@code unansweredSubscriptions} the subscriptions given up.
 */
public record OkxStreamStats(long connectAttempts, long connects, long reconnects, long connectFailures,
                             long disconnects, long frames, long trades, long serverErrors, long malformedFrames,
                             long pingsSent, long pongsReceived, long pongTimeouts, long listenerFailures,
                             long unsubscribedTrades, long refusedSubscriptions, long unansweredSubscriptions) {
}
