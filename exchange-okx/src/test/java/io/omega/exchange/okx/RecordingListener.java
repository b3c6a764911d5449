package io.omega.exchange.okx;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Keeps everything an {@link OkxMarketStream} tells it, for tests to wait on and assert. */
final class RecordingListener implements OkxStreamListener {

    record Disconnect(String reason, Duration reconnectIn) {
    }

    record Refusal(OkxArg arg, OkxEvent.ServerError error) {
    }

    record Unanswered(OkxArg arg, Duration waited) {
    }

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final BlockingQueue<OkxEvent> events = new LinkedBlockingQueue<>();
    final List<OkxEvent> allEvents = new CopyOnWriteArrayList<>();
    final List<Integer> connections = new CopyOnWriteArrayList<>();
    final List<URI> endpoints = new CopyOnWriteArrayList<>();
    final List<Disconnect> disconnects = new CopyOnWriteArrayList<>();
    final List<Refusal> refusals = new CopyOnWriteArrayList<>();
    final List<Unanswered> unanswered = new CopyOnWriteArrayList<>();
    final List<OkxFrameException> malformed = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(OkxEvent event) {
        allEvents.add(event);
        events.add(event);
    }

    @Override
    public void onConnected(URI endpoint, int connection) {
        endpoints.add(endpoint);
        connections.add(connection);
    }

    @Override
    public void onDisconnected(String reason, Duration reconnectIn) {
        disconnects.add(new Disconnect(reason, reconnectIn));
    }

    @Override
    public void onSubscriptionRefused(OkxArg arg, OkxEvent.ServerError error) {
        refusals.add(new Refusal(arg, error));
    }

    @Override
    public void onSubscriptionUnanswered(OkxArg arg, Duration waited) {
        unanswered.add(new Unanswered(arg, waited));
    }

    @Override
    public void onMalformedFrame(OkxFrameException problem) {
        malformed.add(problem);
    }

    /** Waits for the next {@code count} events of {@code type}, skipping others; fails after 10 s. */
    <T extends OkxEvent> List<T> await(Class<T> type, int count) throws InterruptedException {
        List<T> out = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (out.size() < count) {
            OkxEvent e = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (e == null) {
                throw new AssertionError("waited " + WAIT + " for " + count + " " + type.getSimpleName()
                        + " events, got " + out + "; all events: " + allEvents);
            }
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }

    /** The trades of every Trades event so far, in order. */
    List<OkxTrade> trades() {
        List<OkxTrade> out = new ArrayList<>();
        for (OkxEvent e : allEvents) {
            if (e instanceof OkxEvent.Trades t) {
                out.addAll(t.trades());
            }
        }
        return out;
    }
}
