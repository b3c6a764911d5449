package io.omega.paper;

import io.omega.paper.market.Bar;
import io.omega.paper.market.BarAggregator;
import io.omega.paper.market.BundledBitstampTrades;
import io.omega.paper.market.BundledEthCandles;
import io.omega.paper.market.Trade;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The real market data bundled for replay (from {@code org.ta4j:ta4j-examples:0.18} on Maven Central). */
public enum ReplayData implements BarSource {

    /** About 100,000 BTC/USD trades, Bitstamp, 25 Nov – 1 Dec 2013, as one-minute bars. */
    BITSTAMP_BTC_TRADES(Duration.ofMinutes(1), "one-minute bars of real BTC/USD trades (Bitstamp)") {
        @Override
        public List<Bar> bars(String symbol) {
            BarAggregator aggregator = new BarAggregator(symbol, barLength());
            List<Bar> bars = new ArrayList<>();
            for (Trade t : BundledBitstampTrades.load()) {
                aggregator.add(t).ifPresent(bars::add);
            }
            aggregator.flush().ifPresent(bars::add);
            return bars;
        }
    },

    /** 580 five-minute ETH/USD candles, Binance US, 13–15 March 2023. */
    BINANCE_ETH_CANDLES(BundledEthCandles.STEP, "five-minute candles of real ETH/USD trading (Binance US)") {
        @Override
        public List<Bar> bars(String symbol) {
            return BundledEthCandles.load(symbol);
        }
    };

    private final Duration barLength;
    private final String description;

    ReplayData(Duration barLength, String description) {
        this.barLength = barLength;
        this.description = description;
    }

    @Override
    public abstract List<Bar> bars(String symbol);

    @Override
    public Duration barLength() {
        return barLength;
    }

    @Override
    public String description() {
        return description;
    }
}
