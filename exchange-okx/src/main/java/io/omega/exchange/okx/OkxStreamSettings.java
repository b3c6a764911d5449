package io.omega.exchange.okx;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One stream's endpoint, subscriptions and timing. OKX closes a connection that has carried nothing for 30 s, so
 * the client sends the text {@code ping} after {@code pingAfterSilence} without a frame (25 s by default) and gives
 * up on the connection when nothing, not even {@code pong}, comes back within {@code pongTimeout}. A subscription
 * OKX has neither acknowledged nor refused within {@code subscribeTimeout} (10 s by default; OKX answers in
 * milliseconds) is given up like a refused one.
 */
public record OkxStreamSettings(URI endpoint, List<OkxArg> subscriptions, Duration pingAfterSilence,
                                Duration pongTimeout, Duration connectTimeout, Backoff backoff,
                                Duration subscribeTimeout) {

    public static final Duration DEFAULT_SUBSCRIBE_TIMEOUT = Duration.ofSeconds(10);

    /** OKX's own cut-off for a silent connection. */
    public static final Duration OKX_IDLE_CUTOFF = Duration.ofSeconds(30);

    public OkxStreamSettings {
        if (endpoint == null) {
            throw new IllegalArgumentException("an OKX stream needs an endpoint");
        }
        if (subscriptions == null || subscriptions.isEmpty()) {
            throw new IllegalArgumentException("an OKX stream needs at least one subscription");
        }
        subscriptions = List.copyOf(subscriptions);
        if (new HashSet<>(subscriptions).size() != subscriptions.size()) {
            throw new IllegalArgumentException("an OKX stream must not repeat a subscription, got " + subscriptions);
        }
        subscriptions.forEach(a -> OkxChannels.requireSupported(a.channel()));
        positive(pingAfterSilence, "the silence before a ping");
        if (pingAfterSilence.compareTo(OKX_IDLE_CUTOFF) >= 0) {
            throw new IllegalArgumentException("the silence before a ping must be under OKX's " + OKX_IDLE_CUTOFF
                    .toSeconds() + " s cut-off, got " + pingAfterSilence);
        }
        positive(pongTimeout, "the wait for a pong");
        positive(connectTimeout, "the connect timeout");
        if (backoff == null) {
            throw new IllegalArgumentException("an OKX stream needs a reconnect backoff");
        }
        positive(subscribeTimeout, "the wait for a subscription's acknowledgement");
    }

    /**
     * The defaults (ping after 25 s of silence, 10 s for the pong, for connecting and for a subscription's answer,
     * {@link Backoff#standard()})
     * for subscriptions that OKX all serves on one endpoint: one connection speaks to one endpoint.
     */
    public static OkxStreamSettings of(OkxEndpoints endpoints, List<OkxArg> subscriptions) {
        if (subscriptions == null || subscriptions.isEmpty()) {
            throw new IllegalArgumentException("an OKX stream needs at least one subscription");
        }
        Set<URI> uris = new HashSet<>();
        subscriptions.forEach(a -> uris.add(endpoints.forChannel(a.channel())));
        if (uris.size() > 1) {
            throw new IllegalArgumentException("OKX serves " + subscriptions + " on different endpoints ("
                    + endpoints.publicUri() + " and " + endpoints.businessUri() + "): open one stream per endpoint");
        }
        return new OkxStreamSettings(uris.iterator().next(), subscriptions, Duration.ofSeconds(25),
                Duration.ofSeconds(10), Duration.ofSeconds(10), Backoff.standard(), DEFAULT_SUBSCRIBE_TIMEOUT);
    }

    public OkxStreamSettings withKeepAlive(Duration pingAfterSilence, Duration pongTimeout) {
        return new OkxStreamSettings(endpoint, subscriptions, pingAfterSilence, pongTimeout, connectTimeout, backoff,
                subscribeTimeout);
    }

    public OkxStreamSettings withBackoff(Backoff backoff) {
        return new OkxStreamSettings(endpoint, subscriptions, pingAfterSilence, pongTimeout, connectTimeout, backoff,
                subscribeTimeout);
    }

    public OkxStreamSettings withConnectTimeout(Duration connectTimeout) {
        return new OkxStreamSettings(endpoint, subscriptions, pingAfterSilence, pongTimeout, connectTimeout, backoff,
                subscribeTimeout);
    }

    public OkxStreamSettings withSubscribeTimeout(Duration subscribeTimeout) {
        return new OkxStreamSettings(endpoint, subscriptions, pingAfterSilence, pongTimeout, connectTimeout, backoff,
                subscribeTimeout);
    }

    private static void positive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
    }
}
