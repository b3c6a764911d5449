package io.omega.exchange.okx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.List;

/**
 * What the client sends OKX: {@code {"op":"subscribe","args":[{"channel":"trades","instId":"BTC-USDT-SWAP"}]}}
 * (or {@code unsubscribe}), and the bare text {@code ping} of OKX's keep-alive (not a WebSocket ping frame: OKX
 * answers only the text).
 */
public final class OkxRequests {

    public static final String PING = "ping";
    public static final String PONG = "pong";

    /** OKX refuses requests whose args are longer than this in total. */
    static final int MAX_REQUEST_CHARS = 64 * 1024;

    private final ObjectMapper json;

    public OkxRequests(ObjectMapper json) {
        this.json = json;
    }

    public String subscribe(List<OkxArg> args) {
        return request("subscribe", args);
    }

    public String unsubscribe(List<OkxArg> args) {
        return request("unsubscribe", args);
    }

    private String request(String op, List<OkxArg> args) {
        if (args == null || args.isEmpty()) {
            throw new IllegalArgumentException("an OKX " + op + " request needs at least one channel");
        }
        if (new HashSet<>(args).size() != args.size()) {
            throw new IllegalArgumentException("an OKX " + op + " request must not repeat a channel, got " + args);
        }
        ObjectNode request = json.createObjectNode();
        request.put("op", op);
        ArrayNode list = request.putArray("args");
        for (OkxArg arg : args) {
            OkxChannels.requireSupported(arg.channel());
            list.addObject().put("channel", arg.channel()).put("instId", arg.instId());
        }
        String text;
        try {
            text = json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an OKX " + op + " request: " + e.getMessage(), e);
        }
        if (text.length() > MAX_REQUEST_CHARS) {
            throw new IllegalArgumentException("an OKX " + op + " request of " + args.size() + " channels is "
                    + text.length() + " characters, over OKX's limit of " + MAX_REQUEST_CHARS
                    + ": split them over several connections");
        }
        return text;
    }
}
