package io.omega.exchange.okx;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A local HTTP server on 127.0.0.1 answering OKX's {@code GET /api/v5/market/trades} and
 * {@code /api/v5/market/history-trades} (pagination by tradeId, {@code after}) from a list of trades the test
 * supplies, newest first and at most {@code limit} of them as OKX does. Every request is recorded.
 */
public final class OkxRestTestServer implements AutoCloseable {

    /** One trade as the server lists it: {@code [tradeId, px, sz, side, ts]}, ids numeric. */
    public record Listed(String instId, String[] fields) {
    }

    private final HttpServer server;
    private final Supplier<List<Listed>> trades;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private OkxRestTestServer(Supplier<List<Listed>> trades) throws IOException {
        this.trades = trades;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v5/market/", this::answer);
        server.start();
    }

    /** Serves what {@code trades} holds at the time of each request (oldest first, any instruments). */
    public static OkxRestTestServer start(Supplier<List<Listed>> trades) throws IOException {
        return new OkxRestTestServer(trades);
    }

    /** As {@code paper_trading.okx_rest_url} would name it. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public URI uri() {
        return URI.create(url());
    }

    /** Path and query of every request, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        requests.add(uri.getPath() + "?" + uri.getRawQuery());
        Map<String, String> query = query(uri.getRawQuery());
        String instId = query.get("instId");
        boolean history = uri.getPath().equals("/api/v5/market/history-trades");
        int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
        long after = query.containsKey("after") ? Long.parseLong(query.get("after")) : Long.MAX_VALUE;
        String body;
        int status = 200;
        if (!uri.getPath().equals("/api/v5/market/trades") && !history) {
            status = 404;
            body = "{\"msg\":\"no such path\",\"code\":\"404\"}";
        } else {
            List<Listed> all = trades.get();
            StringBuilder data = new StringBuilder();
            int n = 0;
            for (int i = all.size() - 1; i >= 0 && n < limit; i--) {
                Listed t = all.get(i);
                if (!t.instId().equals(instId) || history && Long.parseLong(t.fields()[0]) >= after) {
                    continue;
                }
                if (n++ > 0) {
                    data.append(',');
                }
                String[] f = t.fields();
                data.append("{\"instId\":\"").append(instId).append("\",\"side\":\"").append(f[3])
                        .append("\",\"sz\":\"").append(f[2]).append("\",\"px\":\"").append(f[1])
                        .append("\",\"source\":\"0\",\"tradeId\":\"").append(f[0]).append("\",\"ts\":\"")
                        .append(f[4]).append("\"}");
            }
            body = "{\"code\":\"0\",\"msg\":\"\",\"data\":[" + data + "]}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** {@code entries} of one instrument as listed trades. */
    public static List<Listed> listed(String instId, List<String[]> entries) {
        List<Listed> out = new ArrayList<>();
        entries.forEach(e -> out.add(new Listed(instId, e)));
        return out;
    }
}
