package io.omega.config;

import java.util.HashSet;
import java.util.List;

/**
 * The {@code paper_trading} section: the reference engine's market data and simulated execution. With OKX,
 * {@code okxRestUrl} is where a gap left by a reconnect is fetched from, {@code okxAllowedLatenessMs} how long a
 * minute bar waits for trades that arrive out of order, and {@code okxSubscribeTimeoutMs} how long a subscription
 * may go unacknowledged before its instrument is given up.
 */
public record PaperTradingConfig(List<String> symbols, MarketDataSource marketData, double replaySpeed, String okxWsUrl,
                                 String okxRestUrl, int okxAllowedLatenessMs, int okxSubscribeTimeoutMs,
                                 double startingCapital, double feeRate, double slippageRate, double positionSizePct,
                                 double stopLossPct, double takeProfitPct, int maxHoldingBars,
                                 double decisionThreshold) {

    public enum MarketDataSource { REPLAY, OKX }

    public PaperTradingConfig {
        symbols = List.copyOf(symbols);
    }

    static PaperTradingConfig read(Section s) {
        List<String> symbols = s.stringList("symbols", List.of("BTC-USDT-SWAP"));
        if (symbols.isEmpty() || symbols.stream().anyMatch(String::isBlank)) {
            s.problem("symbols", "must list at least one symbol, none blank, got " + symbols);
        } else if (new HashSet<>(symbols).size() != symbols.size()) {
            s.problem("symbols", "must not repeat a symbol, got " + symbols);
        }
        MarketDataSource source = s.choice("market_data", MarketDataSource.REPLAY);
        double speed = s.decimalAbove("replay_speed", 600.0, 0, 1_000_000);
        String ws = s.string("okx_ws_url", "wss://ws.okx.com:8443/ws/v5/public");
        if (!ws.startsWith("ws://") && !ws.startsWith("wss://")) {
            s.problem("okx_ws_url", "must be a ws:// or wss:// URL, got '" + ws + "'");
        }
        String rest = s.string("okx_rest_url", "https://www.okx.com");
        if (!rest.startsWith("http://") && !rest.startsWith("https://")) {
            s.problem("okx_rest_url", "must be an http:// or https:// URL, got '" + rest + "'");
        }
        return new PaperTradingConfig(symbols, source, speed, ws, rest,
                s.integer("okx_allowed_lateness_ms", 2_000, 0, 60_000),
                s.integer("okx_subscribe_timeout_ms", 10_000, 100, 600_000),
                s.decimalAbove("starting_capital", 10_000.0, 0, Double.MAX_VALUE),
                s.decimal("fee_rate", 0.0005, 0, 0.01),
                s.decimal("slippage_rate", 0.0002, 0, 0.01),
                s.decimalAbove("position_size_pct", 10.0, 0, 100),
                s.decimalAbove("stop_loss_pct", 1.0, 0, 50),
                s.decimalAbove("take_profit_pct", 2.0, 0, 100),
                s.integer("max_holding_bars", 60, 1, Integer.MAX_VALUE),
                s.decimal("decision_threshold", 0.55, 0.34, 1.0));
    }
}
