package io.omega.exchange.okx;

import java.net.URI;
import java.time.Duration;

/**
 * What an {@link OkxMarketStream} tells its user. Calls come one at a time from the stream's threads; a listener
 * that throws is logged and counted, and the stream goes on.
 */
public interface OkxStreamListener {

    /** Every parsed frame, in the order received: acknowledgements, data, errors, notices, pongs. */
    void onEvent(OkxEvent event);

    /** A connection is open and its subscriptions have been sent ({@code connection} counts from 1). */
    default void onConnected(URI endpoint, int connection) {
    }

    /** The connection was lost (or given up on); the next attempt comes after {@code reconnectIn}. */
    default void onDisconnected(String reason, Duration reconnectIn) {
    }

    /**
     * OKX refused one of the subscriptions, e.g. an instrument it does not list (code 60018). The stream gives it up:
     * later connections subscribe to the others only.
     */
    default void onSubscriptionRefused(OkxArg arg, OkxEvent.ServerError error) {
    }

    /** OKX neither acknowledged nor refused a subscription within {@code waited}; it is given up like a refused one. */
    default void onSubscriptionUnanswered(OkxArg arg, Duration waited) {
    }

    /** A frame that could not be understood; it has been counted and skipped. */
    default void onMalformedFrame(OkxFrameException problem) {
    }
}
