package io.omega.exchange.okx;

import java.util.OptionalLong;

/**
 * Reading of exchange trade ids. OKX numbers the trades of an instrument with increasing decimal ids, which order
 * trades of the same millisecond (real data has several) and tell which trades came after a given one.
 */
public final class TradeIds {

    private static final int MAX_DIGITS = 18;

    private TradeIds() {
    }

    /** The id as a number, or empty when it is not a plain decimal that fits a long. */
    public static OptionalLong number(String tradeId) {
        if (tradeId == null || tradeId.isEmpty() || tradeId.length() > MAX_DIGITS) {
            return OptionalLong.empty();
        }
        for (int i = 0; i < tradeId.length(); i++) {
            if (tradeId.charAt(i) < '0' || tradeId.charAt(i) > '9') {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(Long.parseLong(tradeId));
    }

    /** Whether {@code tradeId} is numbered after {@code than}; false when either is not a number. */
    public static boolean after(String tradeId, String than) {
        OptionalLong a = number(tradeId);
        OptionalLong b = number(than);
        return a.isPresent() && b.isPresent() && a.getAsLong() > b.getAsLong();
    }
}
