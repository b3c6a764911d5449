package io.omega.exchange.okx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.java_websocket.WebSocket;
import org.java_websocket.enums.Opcode;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local WebSocket server on 127.0.0.1 that speaks OKX's v5 protocol as far as a test scripts it: every message
 * received is recorded with its connection number and path, then handed to the {@link Script}, which answers
 * through the {@link Session} helpers (acknowledge, push data, refuse, close, drop).
 */
public final class OkxTestServer extends WebSocketServer implements AutoCloseable {

    /** What the server does with each message a client sends. */
    @FunctionalInterface
    public interface Script {
        void onMessage(Session session, String message) throws Exception;
    }

    public record Received(int connection, String path, String text) {
    }

    public record Opened(int connection, String path, long nanos) {
    }

    public record Closed(int connection, int code, boolean byClient, long nanos) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Script script;
    private final AtomicInteger connections = new AtomicInteger();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final List<Received> allReceived = new CopyOnWriteArrayList<>();
    private final List<Opened> opened = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Closed> closed = new LinkedBlockingQueue<>();
    private final List<Closed> allClosed = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final CountDownLatch started = new CountDownLatch(1);

    private OkxTestServer(int port, Script script) {
        super(new InetSocketAddress("127.0.0.1", port));
        this.script = script;
        setReuseAddr(true);
        setConnectionLostTimeout(0); // no server pings: the client's keep-alive is what is tested
        setDaemon(true);
    }

    public static OkxTestServer start(Script script) throws InterruptedException {
        return start(0, script);
    }

    public static OkxTestServer start(int port, Script script) throws InterruptedException {
        OkxTestServer server = new OkxTestServer(port, script);
        server.start();
        if (!server.started.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test OKX server did not start");
        }
        return server;
    }

    /** The public endpoint on this server, as {@code paper_trading.okx_ws_url} would name it. */
    public String publicUrl() {
        return "ws://127.0.0.1:" + getPort() + "/ws/v5/public";
    }

    public OkxEndpoints endpoints() {
        return OkxEndpoints.fromPublic(publicUrl());
    }

    /** The next message any client sent, waiting up to 10 s. */
    public Received next() throws InterruptedException {
        Received r = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (r == null) {
            throw new AssertionError("the test OKX server received nothing within " + WAIT);
        }
        return r;
    }

    public Closed nextClose() throws InterruptedException {
        Closed c = closed.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (c == null) {
            throw new AssertionError("no connection to the test OKX server closed within " + WAIT);
        }
        return c;
    }

    public List<Received> allReceived() {
        return List.copyOf(allReceived);
    }

    public List<String> receivedOn(int connection) {
        List<String> out = new ArrayList<>();
        for (Received r : allReceived) {
            if (r.connection() == connection) {
                out.add(r.text());
            }
        }
        return out;
    }

    public List<Opened> opened() {
        return List.copyOf(opened);
    }

    public List<Closed> allClosed() {
        return List.copyOf(allClosed);
    }

    /** Exceptions thrown by the script: a test asserts there are none. */
    public List<Throwable> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() throws InterruptedException {
        stop(1_000);
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        int n = connections.incrementAndGet();
        conn.setAttachment(new Session(conn, n, handshake.getResourceDescriptor()));
        opened.add(new Opened(n, handshake.getResourceDescriptor(), System.nanoTime()));
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        Session session = conn.getAttachment();
        Received r = new Received(session.number(), session.path(), message);
        allReceived.add(r);
        received.add(r);
        try {
            script.onMessage(session, message);
        } catch (Exception | AssertionError e) {
            failures.add(e);
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        Session session = conn.getAttachment();
        Closed c = new Closed(session == null ? 0 : session.number(), code, remote, System.nanoTime());
        allClosed.add(c);
        closed.add(c);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        failures.add(ex);
    }

    /** One client connection, with what OKX would send on it. */
    public static final class Session {

        private final WebSocket conn;
        private final int number;
        private final String path;

        Session(WebSocket conn, int number, String path) {
            this.conn = conn;
            this.number = number;
            this.path = path;
        }

        /** Counts from 1 in the order clients connected. */
        public int number() {
            return number;
        }

        public String path() {
            return path;
        }

        public String connId() {
            return "c" + number;
        }

        public void send(String text) {
            conn.send(text);
        }

        /** Sends one text message as WebSocket fragments cut at {@code cuts} (character positions, ASCII text). */
        public void sendFragmented(String text, int... cuts) {
            int from = 0;
            for (int i = 0; i <= cuts.length; i++) {
                int to = i < cuts.length ? cuts[i] : text.length();
                conn.sendFragmentedFrame(Opcode.TEXT,
                        ByteBuffer.wrap(text.substring(from, to).getBytes(StandardCharsets.UTF_8)), to == text.length());
                from = to;
            }
        }

        /** OKX's acknowledgement of every channel of a subscribe request. */
        public void ackAll(String subscribe) {
            for (JsonNode arg : args(subscribe)) {
                send("{\"event\":\"subscribe\",\"arg\":" + arg + ",\"connId\":\"" + connId() + "\"}");
            }
        }

        public void refuse(String code, String msg) {
            send("{\"event\":\"error\",\"code\":\"" + code + "\",\"msg\":\"" + msg + "\",\"connId\":\"" + connId()
                    + "\"}");
        }

        public void pong() {
            send("pong");
        }

        /** A close handshake started by the server. */
        public void closeWith(int code, String reason) {
            conn.close(code, reason);
        }

        /** The TCP connection cut without a close handshake. */
        public void drop() {
            conn.closeConnection(1006, "dropped");
        }

        public static List<JsonNode> args(String subscribe) {
            try {
                JsonNode request = JSON.readTree(subscribe);
                if (!"subscribe".equals(request.path("op").asText())) {
                    throw new AssertionError("not a subscribe request: " + subscribe);
                }
                List<JsonNode> out = new ArrayList<>();
                request.path("args").forEach(out::add);
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A trades push of {@code instId} with one entry per {@code [tradeId, px, sz, side, ts]}. */
    public static String trades(String instId, String[]... entries) {
        StringBuilder data = new StringBuilder();
        for (String[] e : entries) {
            if (data.length() > 0) {
                data.append(',');
            }
            data.append("{\"instId\":\"").append(instId).append("\",\"tradeId\":\"").append(e[0])
                    .append("\",\"px\":\"").append(e[1]).append("\",\"sz\":\"").append(e[2])
                    .append("\",\"side\":\"").append(e[3]).append("\",\"ts\":\"").append(e[4])
                    .append("\",\"count\":\"1\",\"source\":\"0\"}");
        }
        return "{\"arg\":{\"channel\":\"trades\",\"instId\":\"" + instId + "\"},\"data\":[" + data + "]}";
    }
}
