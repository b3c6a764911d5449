package io.omega.exchange.okx;

import java.util.List;

/**
 * The OKX v5 channels this client speaks, and where OKX serves them: trades, tickers and books5 on
 * {@code /ws/v5/public}, candlesticks on {@code /ws/v5/business} (OKX moved them there; subscribing to a candle
 * channel on the public endpoint is refused).
 */
public final class OkxChannels {

    public static final String TRADES = "trades";
    public static final String TICKERS = "tickers";
    public static final String BOOKS5 = "books5";
    public static final String CANDLE_PREFIX = "candle";

    /** The bar sizes OKX documents for {@code candle<bar>}; case matters ({@code 1m} is a minute, {@code 1M} a month). */
    public static final List<String> CANDLE_BARS = List.of("1s", "1m", "3m", "5m", "15m", "30m", "1H", "2H", "4H",
            "6H", "12H", "1D", "2D", "3D", "5D", "1W", "1M", "3M", "6Hutc", "12Hutc", "1Dutc", "2Dutc", "3Dutc",
            "5Dutc", "1Wutc", "1Mutc", "3Mutc");

    private OkxChannels() {
    }

    public static boolean isCandle(String channel) {
        return channel.startsWith(CANDLE_PREFIX) && CANDLE_BARS.contains(channel.substring(CANDLE_PREFIX.length()));
    }

    public static boolean isSupported(String channel) {
        return TRADES.equals(channel) || TICKERS.equals(channel) || BOOKS5.equals(channel) || isCandle(channel);
    }

    /** Throws, naming the channel and the ones that are spoken, when this client cannot subscribe to it. */
    public static String requireSupported(String channel) {
        if (channel == null || !isSupported(channel)) {
            throw new IllegalArgumentException("OKX channel '" + channel + "' is not one this client speaks: "
                    + TRADES + ", " + TICKERS + ", " + BOOKS5 + " or " + CANDLE_PREFIX + "<bar> with <bar> one of "
                    + CANDLE_BARS);
        }
        return channel;
    }

    /** Whether OKX serves the channel on the business endpoint rather than the public one. */
    public static boolean onBusinessEndpoint(String channel) {
        return isCandle(requireSupported(channel));
    }
}
