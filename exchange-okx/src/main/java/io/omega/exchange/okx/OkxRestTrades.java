package io.omega.exchange.okx;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trades OKX's REST API still has, for the gap a reconnect leaves: {@code GET /api/v5/market/trades} (the latest
 * 500, newest first), then, while the trade the gap starts after is not reached yet,
 * {@code GET /api/v5/market/history-trades?type=1&after=<oldest tradeId so far>} pages of 100 further back.
 */
public final class OkxRestTrades {

    /** The trades that came after a given one, oldest first, and whether the pages reached back to it. */
    public record Gap(List<OkxTrade> trades, boolean reachedStart, int requests) {
        public Gap {
            trades = List.copyOf(trades);
        }
    }

    static final int RECENT_LIMIT = 500;
    static final int HISTORY_LIMIT = 100;
    /** At most this many history pages (10,000 trades): a gap of hours is not worth a burst of requests. */
    static final int MAX_HISTORY_PAGES = 100;

    private final URI base;
    private final HttpClient http;
    private final OkxFrameParser parser;
    private final Duration timeout;

    public OkxRestTrades(URI base, HttpClient http, ObjectMapper json, Duration timeout) {
        String scheme = base == null ? null : base.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || base.getHost() == null) {
            throw new IllegalArgumentException("the OKX REST URL must be http:// or https:// with a host, got '"
                    + base + "'");
        }
        this.base = base;
        this.http = http;
        this.parser = new OkxFrameParser(json);
        this.timeout = timeout;
    }

    public URI base() {
        return base;
    }

    /** The trades of {@code instId} numbered after {@code afterTradeId}, oldest first, each once. */
    public Gap since(String instId, String afterTradeId) throws InterruptedException {
        Map<String, OkxTrade> found = new LinkedHashMap<>();
        List<OkxTrade> page = get("/api/v5/market/trades", "instId=" + encode(instId) + "&limit=" + RECENT_LIMIT,
                instId);
        int requests = 1;
        boolean reached = collect(page, afterTradeId, found) || page.size() < RECENT_LIMIT;
        while (!reached && !page.isEmpty() && requests <= MAX_HISTORY_PAGES) {
            String oldest = page.get(page.size() - 1).tradeId();
            page = get("/api/v5/market/history-trades", "instId=" + encode(instId) + "&type=1&after="
                    + encode(oldest) + "&limit=" + HISTORY_LIMIT, instId);
            requests++;
            reached = collect(page, afterTradeId, found) || page.isEmpty();
        }
        List<OkxTrade> trades = new ArrayList<>(found.values());
        trades.sort(Comparator.comparingLong(t -> TradeIds.number(t.tradeId()).orElse(Long.MAX_VALUE)));
        return new Gap(trades, reached, requests);
    }

    /** Keeps the trades after {@code afterTradeId}; true once one at or before it is in the page. */
    private static boolean collect(List<OkxTrade> page, String afterTradeId, Map<String, OkxTrade> found) {
        boolean reached = false;
        for (OkxTrade t : page) {
            if (TradeIds.after(t.tradeId(), afterTradeId)) {
                found.putIfAbsent(t.tradeId(), t);
            } else {
                reached = true;
            }
        }
        return reached;
    }

    private List<OkxTrade> get(String path, String query, String instId) throws InterruptedException {
        URI uri = base.resolve(path + "?" + query);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri + " failed: " + e, e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " answered HTTP " + response.statusCode() + ": "
                    + OkxFrameException.excerpt(response.body()));
        }
        return parser.restTrades(response.body(), instId);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
