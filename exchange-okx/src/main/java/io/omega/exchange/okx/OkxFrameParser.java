package io.omega.exchange.okx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Reads the text frames of OKX's v5 public and business WebSocket endpoints: {@code pong}, events (subscribe,
 * unsubscribe, error, notice) and pushed data of the trades, tickers, books5 and candle channels. OKX writes numbers
 * as strings ({@code "px":"42219.9"}); both strings and JSON numbers are accepted. Anything else fails with an
 * {@link OkxFrameException} naming the field and what was found, so one bad frame never stops a stream.
 */
public final class OkxFrameParser {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final ObjectReader reader;

    public OkxFrameParser(ObjectMapper json) {
        // Without this, '{"a":1} garbage' would pass as '{"a":1}'.
        this.reader = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public OkxEvent parse(String frame) {
        if (frame == null || frame.isBlank()) {
            throw new OkxFrameException("an empty frame", frame);
        }
        if (frame.equals(OkxRequests.PONG)) {
            return new OkxEvent.Pong();
        }
        JsonNode root;
        try {
            root = reader.readTree(frame);
        } catch (JsonProcessingException e) {
            throw new OkxFrameException("not JSON (" + e.getOriginalMessage() + ")", frame, e);
        }
        try {
            if (root == null || !root.isObject()) {
                throw new Problem("expected a JSON object, got " + describe(root));
            }
            if (root.has("event")) {
                return event(root);
            }
            if (root.has("arg") || root.has("data")) {
                return data(root);
            }
            throw new Problem("neither an event (no 'event') nor pushed data (no 'arg' and 'data')");
        } catch (Problem p) {
            throw new OkxFrameException(p.getMessage(), frame);
        }
    }

    private static OkxEvent event(JsonNode root) {
        String event = text(root, "event", "");
        String connId = optionalText(root, "connId");
        return switch (event) {
            // An acknowledgement of a whole instrument type (e.g. {"channel":"instruments","instType":"SPOT"}) names
            // no instId: nothing this client subscribes to, but a well-formed frame.
            case "subscribe" -> byInstType(root) ? new OkxEvent.OtherEvent(event, connId)
                    : new OkxEvent.Subscribed(arg(root), connId);
            case "unsubscribe" -> byInstType(root) ? new OkxEvent.OtherEvent(event, connId)
                    : new OkxEvent.Unsubscribed(arg(root), connId);
            case "error" -> new OkxEvent.ServerError(text(root, "code", ""), optionalText(root, "msg"), connId,
                    optionalArg(root));
            case "notice" -> new OkxEvent.Notice(text(root, "code", ""), optionalText(root, "msg"), connId);
            default -> new OkxEvent.OtherEvent(event, connId);
        };
    }

    /**
     * The trades of one instrument in a REST answer of {@code GET /api/v5/market/trades} or
     * {@code /api/v5/market/history-trades}: {@code {"code":"0","msg":"","data":[{"instId","side","sz","px",
     * "tradeId","ts"}...]}}, in the order OKX lists them (newest first). A {@code code} other than "0" is OKX's
     * refusal and fails with its code and message.
     */
    public List<OkxTrade> restTrades(String body, String instId) {
        JsonNode root;
        try {
            root = reader.readTree(body);
        } catch (JsonProcessingException e) {
            throw new OkxFrameException("not JSON (" + e.getOriginalMessage() + ")", body, e);
        }
        try {
            if (root == null || !root.isObject()) {
                throw new Problem("expected a JSON object, got " + describe(root));
            }
            String code = text(root, "code", "");
            if (!code.equals("0")) {
                throw new Problem("OKX answered code " + code + ": " + optionalText(root, "msg"));
            }
            JsonNode data = root.get("data");
            if (data == null || !data.isArray()) {
                throw new Problem("'data' should be an array, got " + describe(data));
            }
            return entries(OkxArg.trades(instId), data, OkxFrameParser::trade);
        } catch (Problem p) {
            throw new OkxFrameException(p.getMessage(), body);
        }
    }

    private static boolean byInstType(JsonNode root) {
        JsonNode arg = root.get("arg");
        return arg != null && arg.isObject() && !arg.has("instId")
                && (arg.has("instType") || arg.has("instFamily"));
    }

    /** The {@code arg} of an error frame, if it names a channel and an instrument; an error is read either way. */
    private static OkxArg optionalArg(JsonNode root) {
        JsonNode arg = root.get("arg");
        if (arg == null || !arg.isObject() || !arg.path("channel").isTextual() || !arg.path("instId").isTextual()
                || arg.path("channel").asText().isBlank() || arg.path("instId").asText().isBlank()) {
            return null;
        }
        return new OkxArg(arg.get("channel").asText(), arg.get("instId").asText());
    }

    private static OkxEvent data(JsonNode root) {
        OkxArg arg = arg(root);
        JsonNode data = root.get("data");
        if (data == null || !data.isArray()) {
            throw new Problem("'data' should be an array, got " + describe(data));
        }
        String channel = arg.channel();
        if (channel.equals(OkxChannels.TRADES)) {
            return new OkxEvent.Trades(arg, entries(arg, data, OkxFrameParser::trade));
        }
        if (channel.equals(OkxChannels.TICKERS)) {
            return new OkxEvent.Tickers(arg, entries(arg, data, OkxFrameParser::ticker));
        }
        if (channel.equals(OkxChannels.BOOKS5)) {
            return new OkxEvent.Books(arg, entries(arg, data, OkxFrameParser::book));
        }
        if (OkxChannels.isCandle(channel)) {
            return new OkxEvent.Candles(arg, entries(arg, data, OkxFrameParser::candle));
        }
        throw new Problem("data of channel '" + channel + "', which this client neither subscribes to nor reads");
    }

    private static <T> List<T> entries(OkxArg arg, JsonNode data, BiFunction<Located, String, T> read) {
        List<T> out = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            String path = arg.channel() + " data[" + i + "]";
            out.add(read.apply(new Located(arg, data.get(i)), path));
        }
        return out;
    }

    private record Located(OkxArg arg, JsonNode node) {
    }

    private static OkxTrade trade(Located at, String path) {
        JsonNode entry = object(at.node(), path);
        String instId = instId(at.arg(), entry, path);
        String tradeId = text(entry, "tradeId", path);
        double price = decimal(entry, "px", path);
        double size = decimal(entry, "sz", path);
        String side = text(entry, "side", path);
        OkxTrade.Side parsedSide = switch (side) {
            case "buy" -> OkxTrade.Side.BUY;
            case "sell" -> OkxTrade.Side.SELL;
            default -> throw new Problem(path + ".side: expected 'buy' or 'sell', got '" + side + "'");
        };
        Instant time = millis(entry, "ts", path);
        int count = entry.has("count") ? (int) Math.min(Integer.MAX_VALUE, integer(entry, "count", path)) : 1;
        if (count < 1) {
            throw new Problem(path + ".count: expected at least 1, got " + count);
        }
        try {
            return new OkxTrade(instId, tradeId, parsedSide, count, time, price, size);
        } catch (IllegalArgumentException e) {
            throw new Problem(path + ": " + e.getMessage());
        }
    }

    private static OkxTicker ticker(Located at, String path) {
        JsonNode entry = object(at.node(), path);
        return new OkxTicker(instId(at.arg(), entry, path), millis(entry, "ts", path), decimal(entry, "last", path),
                decimalOrNaN(entry, "lastSz", path), decimalOrNaN(entry, "bidPx", path),
                decimalOrNaN(entry, "bidSz", path), decimalOrNaN(entry, "askPx", path),
                decimalOrNaN(entry, "askSz", path));
    }

    private static OkxBook book(Located at, String path) {
        JsonNode entry = object(at.node(), path);
        long seqId = entry.has("seqId") ? integer(entry, "seqId", path) : -1;
        return new OkxBook(instId(at.arg(), entry, path), millis(entry, "ts", path), levels(entry, "asks", path),
                levels(entry, "bids", path), seqId);
    }

    private static List<OkxBook.Level> levels(JsonNode entry, String side, String path) {
        JsonNode levels = entry.get(side);
        if (levels == null || !levels.isArray()) {
            throw new Problem(path + "." + side + ": expected an array of levels, got " + describe(levels));
        }
        List<OkxBook.Level> out = new ArrayList<>(levels.size());
        for (int i = 0; i < levels.size(); i++) {
            String at = path + "." + side + "[" + i + "]";
            JsonNode level = levels.get(i);
            if (!level.isArray() || level.size() < 2) {
                throw new Problem(at + ": expected [price, size, \"0\", orders], got " + describe(level));
            }
            double price = decimal(level.get(0), at + "[0] (price)");
            if (!(price > 0)) {
                throw new Problem(at + "[0] (price): expected a positive price, got " + level.get(0));
            }
            double size = decimal(level.get(1), at + "[1] (size)");
            int orders = level.size() > 3 ? (int) integer(level.get(3), at + "[3] (orders)") : 0;
            out.add(new OkxBook.Level(price, size, orders));
        }
        return out;
    }

    private static OkxCandle candle(Located at, String path) {
        JsonNode entry = at.node();
        if (entry == null || !entry.isArray() || entry.size() < 9) {
            throw new Problem(path + ": expected [ts,o,h,l,c,vol,volCcy,volCcyQuote,confirm], got " + describe(entry));
        }
        String confirm = text(entry.get(8), path + "[8] (confirm)");
        if (!confirm.equals("0") && !confirm.equals("1")) {
            throw new Problem(path + "[8] (confirm): expected \"0\" or \"1\", got \"" + confirm + "\"");
        }
        return new OkxCandle(Instant.ofEpochMilli(integer(entry.get(0), path + "[0] (ts)")),
                decimal(entry.get(1), path + "[1] (o)"), decimal(entry.get(2), path + "[2] (h)"),
                decimal(entry.get(3), path + "[3] (l)"), decimal(entry.get(4), path + "[4] (c)"),
                decimal(entry.get(5), path + "[5] (vol)"), decimal(entry.get(6), path + "[6] (volCcy)"),
                decimal(entry.get(7), path + "[7] (volCcyQuote)"), confirm.equals("1"));
    }

    private static OkxArg arg(JsonNode root) {
        JsonNode arg = root.get("arg");
        if (arg == null || !arg.isObject()) {
            throw new Problem("'arg' should be an object with 'channel' and 'instId', got " + describe(arg));
        }
        try {
            return new OkxArg(text(arg, "channel", "arg"), text(arg, "instId", "arg"));
        } catch (IllegalArgumentException e) {
            throw new Problem("arg: " + e.getMessage());
        }
    }

    /** The entry's instrument, which must be the channel's (OKX repeats it in most entries; books5 may omit it). */
    private static String instId(OkxArg arg, JsonNode entry, String path) {
        if (!entry.has("instId")) {
            return arg.instId();
        }
        String instId = text(entry, "instId", path);
        if (!instId.equals(arg.instId())) {
            throw new Problem(path + ".instId: '" + instId + "' is not the channel's instrument '" + arg.instId()
                    + "'");
        }
        return instId;
    }

    private static JsonNode object(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new Problem(path + ": expected an object, got " + describe(node));
        }
        return node;
    }

    private static String text(JsonNode parent, String field, String path) {
        return text(parent.get(field), name(path, field));
    }

    private static String text(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            throw new Problem(where + " is missing");
        }
        if (!node.isValueNode() || node.asText().isBlank()) {
            throw new Problem(where + ": expected a non-empty string, got " + describe(node));
        }
        return node.asText();
    }

    private static String optionalText(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node == null || node.isNull() ? "" : node.asText();
    }

    private static double decimal(JsonNode parent, String field, String path) {
        return decimal(parent.get(field), name(path, field));
    }

    private static double decimalOrNaN(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node != null && node.isTextual() && node.asText().isEmpty()) {
            return Double.NaN;
        }
        return decimal(node, name(path, field));
    }

    private static double decimal(JsonNode node, String where) {
        String text = text(node, where).strip();
        // Double.parseDouble alone would also take "NaN", "Infinity", "1d" and hexadecimal.
        if (!DECIMAL.matcher(text).matches()) {
            throw new Problem(where + ": expected a decimal number, got " + describe(node));
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw new Problem(where + ": expected a finite decimal number, got " + describe(node));
        }
        return value;
    }

    private static long integer(JsonNode parent, String field, String path) {
        return integer(parent.get(field), name(path, field));
    }

    private static long integer(JsonNode node, String where) {
        String text = text(node, where);
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new Problem(where + ": expected a whole number, got " + describe(node));
        }
    }

    private static Instant millis(JsonNode parent, String field, String path) {
        long ms = integer(parent, field, path);
        if (ms <= 0) {
            throw new Problem(name(path, field) + ": expected Unix milliseconds, got " + ms);
        }
        return Instant.ofEpochMilli(ms);
    }

    private static String name(String path, String field) {
        return path.isEmpty() ? "'" + field + "'" : path + "." + field;
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        String shown = node.toString();
        if (shown.length() > 60) {
            shown = shown.substring(0, 60) + "...";
        }
        return node.getNodeType().name().toLowerCase() + " " + shown;
    }

    /** What is wrong at one place of a frame; becomes an {@link OkxFrameException} with the frame attached. */
    private static final class Problem extends RuntimeException {
        Problem(String message) {
            super(message, null, false, false);
        }
    }
}
