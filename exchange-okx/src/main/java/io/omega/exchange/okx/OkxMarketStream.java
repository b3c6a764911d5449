package io.omega.exchange.okx;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;

/**
 * A client of one OKX v5 WebSocket endpoint on the JDK's {@link WebSocket}: it connects, subscribes, hands every
 * parsed frame to its {@link OkxStreamListener}, and keeps the connection alive the way OKX asks (the text
 * {@code ping} after a silence, a {@code pong} expected back). Whatever ends a connection (the server closing it, a
 * network failure, a missing pong, OKX's notice of an upgrade) leads to a new connection after an exponential
 * backoff, and the same subscriptions again; the backoff starts over once a connection carries subscriptions or
 * data. Only {@link #close()} ends the stream.
 *
 * <p>A subscription OKX refuses (by an error naming it in its message or its {@code arg}) or leaves unanswered for
 * {@code subscribeTimeout} is given up alone: the others go on, and later connections no longer ask for it. Data of
 * an instrument not subscribed to is counted and dropped before it reaches the listener. A close frame from the
 * server is answered with one, as the WebSocket protocol asks, before the connection is replaced.
 */
public final class OkxMarketStream implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OkxMarketStream.class);

    /** A longer text message is skipped (OKX's are a few kilobytes at most): one bad server cannot exhaust memory. */
    static final int MAX_MESSAGE_CHARS = 1 << 20;
    /** OKX's notice that it is about to close the connection for a service upgrade. */
    static final String NOTICE_UPGRADE = "64008";
    /** The status the JDK reports when the TCP connection ended without a close frame. */
    private static final int CLOSED_ABNORMALLY = 1006;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);
    private static final int MAX_COUNTED_FAILURES = 1_000;

    private final OkxStreamSettings settings;
    private final OkxStreamListener listener;
    private final HttpClient http;
    private final RandomGenerator random;
    private final OkxFrameParser parser;
    private final OkxRequests requests;
    /** The subscriptions not given up, in the order configured. */
    private final Set<OkxArg> active = Collections.synchronizedSet(new LinkedHashSet<>());
    private final StreamCounters counters = new StreamCounters();
    private final ScheduledExecutorService timer;
    private final Object listenerLock = new Object();
    private boolean listenerDone; // guarded by listenerLock

    private final Object lock = new Object();
    private Connection current;
    private int consecutiveFailures;
    private boolean started;
    private boolean closed;

    public OkxMarketStream(OkxStreamSettings settings, OkxStreamListener listener, HttpClient http,
                           RandomGenerator random, ObjectMapper json) {
        if (listener == null) {
            throw new IllegalArgumentException("an OKX stream needs a listener");
        }
        this.settings = settings;
        this.listener = listener;
        this.http = http;
        this.random = random;
        this.parser = new OkxFrameParser(json);
        this.requests = new OkxRequests(json);
        requests.subscribe(settings.subscriptions()); // fails now, not on the first connection, if it cannot be sent
        active.addAll(settings.subscriptions());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "okx-stream" + settings.endpoint().getPath().replace('/', '-'));
            t.setDaemon(true);
            return t;
        });
    }

    /** With a new JDK HTTP client, jittered backoff and its own JSON mapper. */
    public OkxMarketStream(OkxStreamSettings settings, OkxStreamListener listener) {
        this(settings, listener, HttpClient.newHttpClient(), new SplittableRandom(), new ObjectMapper());
    }

    /** Starts connecting in the background; returns at once. */
    public void start() {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the OKX stream to " + settings.endpoint() + " is closed");
            }
            if (started) {
                throw new IllegalStateException("the OKX stream to " + settings.endpoint() + " is already started");
            }
            started = true;
        }
        long tick = Math.max(5, Math.min(1_000,
                Math.min(settings.pingAfterSilence().toMillis(), settings.pongTimeout().toMillis()) / 5));
        timer.scheduleWithFixedDelay(this::checkLiveness, tick, tick, TimeUnit.MILLISECONDS);
        timer.execute(this::connect);
    }

    public OkxStreamStats stats() {
        return counters.snapshot();
    }

    public URI endpoint() {
        return settings.endpoint();
    }

    /** The subscriptions still wanted: all configured ones but those OKX refused or left unanswered. */
    public List<OkxArg> activeSubscriptions() {
        synchronized (active) {
            return List.copyOf(active);
        }
    }

    /** Whether a connection is open right now. */
    public boolean connected() {
        synchronized (lock) {
            return current != null && current.open;
        }
    }

    /**
     * Closes the connection with a normal close (1000), waiting up to 2 s for the server's reply, and stops
     * reconnecting; the listener hears nothing after this returns.
     */
    @Override
    public void close() {
        Connection c;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            c = current;
            current = null;
        }
        timer.shutdownNow();
        if (c != null) {
            c.closeNormally();
        }
        try {
            timer.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (listenerLock) {
            // Waits out a callback in progress; none comes after close() returns.
            listenerDone = true;
        }
    }

    private void connect() {
        Connection c;
        synchronized (lock) {
            if (closed) {
                return;
            }
            c = new Connection();
            current = c;
        }
        counters.connectAttempts.incrementAndGet();
        try {
            http.newWebSocketBuilder().connectTimeout(settings.connectTimeout())
                    .buildAsync(settings.endpoint(), c)
                    .whenComplete((ws, failure) -> {
                        if (failure != null) {
                            lost(c, "cannot connect to " + settings.endpoint() + ": " + cause(failure));
                        }
                    });
        } catch (RuntimeException e) {
            lost(c, "cannot connect to " + settings.endpoint() + ": " + cause(e));
        }
    }

    private boolean isCurrent(Connection c) {
        synchronized (lock) {
            return current == c && !closed;
        }
    }

    /** Gives up on a connection (or an attempt) and schedules the next one; a stale or closing one is ignored. */
    private void lost(Connection c, String reason) {
        Duration delay;
        synchronized (lock) {
            if (closed || current != c) {
                return;
            }
            current = null;
            delay = settings.backoff().delay(consecutiveFailures, random);
            consecutiveFailures = Math.min(consecutiveFailures + 1, MAX_COUNTED_FAILURES);
        }
        if (c.open) {
            counters.disconnects.incrementAndGet();
        } else {
            counters.connectFailures.incrementAndGet();
        }
        c.open = false;
        if (!c.answeringClose) {
            c.abort();
        }
        LOG.warn("OKX stream {}: {}; reconnecting in {} ms", settings.endpoint(), reason, delay.toMillis());
        tell(() -> listener.onDisconnected(reason, delay));
        // Scheduled only now, so the loss is counted and told before the next attempt can connect, however late
        // this thread runs.
        synchronized (lock) {
            if (!closed) {
                timer.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** The connection did what it is for: the next failure waits the shortest delay again. */
    private void healthy(Connection c) {
        synchronized (lock) {
            if (current == c) {
                consecutiveFailures = 0;
            }
        }
    }

    private void checkLiveness() {
        try {
            Connection c;
            synchronized (lock) {
                c = current;
            }
            if (c == null || !c.open) {
                return;
            }
            long now = System.nanoTime();
            checkAcknowledged(c, now);
            if (c.awaitingPong) {
                if (c.lastReceived - c.pingSentAt > 0) {
                    c.awaitingPong = false; // something came back: the connection is alive
                } else if (now - c.pingSentAt >= settings.pongTimeout().toNanos()) {
                    counters.pongTimeouts.incrementAndGet();
                    lost(c, "no pong within " + settings.pongTimeout().toMillis() + " ms of a ping");
                }
                return;
            }
            if (now - c.lastReceived >= settings.pingAfterSilence().toNanos()) {
                c.pingSentAt = now;
                c.awaitingPong = true;
                counters.pingsSent.incrementAndGet();
                c.send(OkxRequests.PING);
            }
        } catch (RuntimeException e) {
            // A periodic task that throws is never run again: the keep-alive must outlive any one failure.
            LOG.warn("OKX stream {}: keep-alive check failed: {}", settings.endpoint(), e.toString(), e);
        }
    }

    /**
     * Gives up the subscriptions of {@code c} still unanswered after {@code subscribeTimeout}. Time the connection
     * spent in the listener does not count: an answer may be waiting unread behind a listener that takes long (a
     * gap fill over REST), and it is not OKX's delay.
     */
    private void checkAcknowledged(Connection c, long now) {
        if (c.pending.isEmpty() || c.handlingSince != 0
                || now - c.subscribedAt - c.handlingNanos < settings.subscribeTimeout().toNanos()) {
            return;
        }
        for (OkxArg arg : List.copyOf(c.pending)) {
            if (c.pending.remove(arg) && active.remove(arg)) {
                counters.unansweredSubscriptions.incrementAndGet();
                LOG.error("OKX stream {}: no answer to the subscription to {} within {} ms; giving it up",
                        settings.endpoint(), arg, settings.subscribeTimeout().toMillis());
                tell(() -> listener.onSubscriptionUnanswered(arg, settings.subscribeTimeout()));
            }
        }
    }

    private void handle(Connection c, String frame) {
        OkxEvent event;
        try {
            event = parser.parse(frame);
        } catch (OkxFrameException e) {
            counters.malformedFrames.incrementAndGet();
            LOG.warn("OKX stream {}: skipping a malformed frame: {}", settings.endpoint(), e.getMessage());
            tell(() -> listener.onMalformedFrame(e));
            return;
        }
        if (event instanceof OkxEvent.Pong) {
            counters.pongsReceived.incrementAndGet();
            c.awaitingPong = false;
        } else if (event instanceof OkxEvent.Subscribed s) {
            c.pending.remove(s.arg());
            healthy(c);
            LOG.info("OKX stream {}: subscribed to {}", settings.endpoint(), s.arg());
        } else if (event instanceof OkxEvent.Trades t) {
            if (!active.contains(t.arg())) {
                // Not ours (never asked for, or given up): handing it on would only make the listener fail on it.
                counters.unsubscribedTrades.addAndGet(t.trades().size());
                LOG.debug("OKX stream {}: ignoring {} trades of {}, not subscribed", settings.endpoint(),
                        t.trades().size(), t.arg());
                return;
            }
            c.pending.remove(t.arg()); // data is as good as an acknowledgement
            counters.trades.addAndGet(t.trades().size());
            healthy(c);
        } else if (event instanceof OkxEvent.Tickers || event instanceof OkxEvent.Books
                || event instanceof OkxEvent.Candles) {
            healthy(c);
        } else if (event instanceof OkxEvent.ServerError e) {
            counters.serverErrors.incrementAndGet();
            LOG.warn("OKX stream {}: error {}: {}", settings.endpoint(), e.code(), e.message());
        } else if (event instanceof OkxEvent.Notice n) {
            LOG.warn("OKX stream {}: notice {}: {}", settings.endpoint(), n.code(), n.message());
        }
        tell(() -> listener.onEvent(event));
        if (event instanceof OkxEvent.ServerError e) {
            for (OkxArg refused : Refusals.named(List.copyOf(c.pending), e)) {
                if (c.pending.remove(refused) && active.remove(refused)) {
                    counters.refusedSubscriptions.incrementAndGet();
                    LOG.error("OKX refused the subscription to {}: {} {}; going on without it", refused, e.code(),
                            e.message());
                    tell(() -> listener.onSubscriptionRefused(refused, e));
                }
            }
        }
        if (event instanceof OkxEvent.Notice n && NOTICE_UPGRADE.equals(n.code())) {
            lost(c, "OKX announced a service upgrade (" + n.code() + " " + n.message() + ")");
        }
    }

    private void tell(Runnable call) {
        synchronized (listenerLock) {
            if (listenerDone) {
                return;
            }
            try {
                call.run();
            } catch (RuntimeException e) {
                counters.listenerFailures.incrementAndGet();
                LOG.warn("OKX stream {}: the listener failed: {}", settings.endpoint(), e.toString(), e);
            }
        }
    }

    private static String cause(Throwable t) {
        Throwable root = t;
        while ((root instanceof java.util.concurrent.CompletionException || root instanceof ExecutionException)
                && root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getClass().getSimpleName() + ": "
                + root.getMessage();
    }

    /** One WebSocket connection (or attempt): its listener callbacks, reassembly, keep-alive state and sends. */
    private final class Connection implements WebSocket.Listener {

        final Set<OkxArg> pending = ConcurrentHashMap.newKeySet();
        private final StringBuilder text = new StringBuilder();
        private final CompletableFuture<Void> inputClosed = new CompletableFuture<>();
        private boolean oversized;
        private volatile WebSocket socket;
        volatile boolean open;
        /** Set once the server sent a close frame: the connection stays up for the client's answer. */
        volatile boolean answeringClose;
        volatile long subscribedAt;
        /** When the frame being handled started (0: none), and the time spent handling frames so far. */
        volatile long handlingSince;
        volatile long handlingNanos;
        volatile long lastReceived;
        volatile long pingSentAt;
        volatile boolean awaitingPong;
        private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

        @Override
        public void onOpen(WebSocket ws) {
            socket = ws;
            if (!isCurrent(this)) {
                ws.abort();
                return;
            }
            lastReceived = System.nanoTime();
            open = true;
            long n = counters.connects.incrementAndGet();
            if (n > 1) {
                counters.reconnects.incrementAndGet();
            }
            List<OkxArg> wanted = activeSubscriptions();
            subscribedAt = System.nanoTime();
            pending.addAll(wanted);
            if (!wanted.isEmpty()) {
                send(requests.subscribe(wanted));
            }
            LOG.info("OKX stream {}: connected (connection {}), subscribing to {}", settings.endpoint(), n, wanted);
            tell(() -> listener.onConnected(settings.endpoint(), (int) n));
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            if (!isCurrent(this)) {
                return null;
            }
            lastReceived = System.nanoTime();
            if (oversized || text.length() + data.length() > MAX_MESSAGE_CHARS) {
                oversized = true;
                text.setLength(0);
            } else {
                text.append(data);
            }
            if (last) {
                counters.frames.incrementAndGet();
                if (oversized) {
                    oversized = false;
                    malformed(new OkxFrameException("a text message of more than " + MAX_MESSAGE_CHARS
                            + " characters", ""));
                } else {
                    String frame = text.toString();
                    text.setLength(0);
                    long since = System.nanoTime();
                    handlingSince = since;
                    try {
                        handle(this, frame);
                    } finally {
                        handlingNanos += System.nanoTime() - since;
                        handlingSince = 0;
                    }
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            if (!isCurrent(this)) {
                return null;
            }
            lastReceived = System.nanoTime();
            if (last) {
                counters.frames.incrementAndGet();
                malformed(new OkxFrameException("a binary message (OKX sends text)", ""));
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            inputClosed.complete(null);
            answerClose(ws);
            lost(this, statusCode == CLOSED_ABNORMALLY ? "connection lost without a close handshake (1006)"
                    : "closed by the server (" + statusCode + (reason == null || reason.isEmpty() ? "" : " " + reason)
                    + ")");
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            inputClosed.complete(null);
            lost(this, "connection failed: " + cause(error));
        }

        private void malformed(OkxFrameException e) {
            counters.malformedFrames.incrementAndGet();
            LOG.warn("OKX stream {}: skipping a malformed frame: {}", settings.endpoint(), e.getMessage());
            tell(() -> listener.onMalformedFrame(e));
        }

        /** Sends one text message after the previous one: the JDK refuses a send while another is pending. */
        synchronized void send(String message) {
            WebSocket ws = socket;
            sending = sending.handle((r, e) -> null)
                    .thenCompose(x -> ws.sendText(message, true))
                    .whenComplete((r, e) -> {
                        if (e != null) {
                            lost(this, "cannot send to OKX: " + cause(e));
                        }
                    });
        }

        void closeNormally() {
            WebSocket ws = socket;
            if (ws == null) {
                return; // still connecting: onOpen will find the connection stale and abort it
            }
            try {
                if (open && !ws.isOutputClosed()) {
                    CompletableFuture<?> sent;
                    synchronized (this) {
                        sent = sending.handle((r, e) -> null)
                                .thenCompose(x -> ws.sendClose(WebSocket.NORMAL_CLOSURE, ""));
                        sending = sent;
                    }
                    sent.get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    inputClosed.get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (ExecutionException | TimeoutException e) {
                LOG.debug("OKX stream {}: no clean close: {}", settings.endpoint(), e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                open = false;
                ws.abort();
            }
        }

        /** Completes the closing handshake the server started, then lets the TCP connection go. */
        private void answerClose(WebSocket ws) {
            if (ws.isOutputClosed()) {
                return;
            }
            answeringClose = true;
            CompletableFuture<?> sent;
            synchronized (this) {
                sent = sending.handle((r, e) -> null)
                        .thenCompose(x -> ws.sendClose(WebSocket.NORMAL_CLOSURE, ""));
                sending = sent;
            }
            sent.orTimeout(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS).whenComplete((r, e) -> ws.abort());
        }

        void abort() {
            WebSocket ws = socket;
            if (ws != null) {
                ws.abort();
            }
        }
    }
}
