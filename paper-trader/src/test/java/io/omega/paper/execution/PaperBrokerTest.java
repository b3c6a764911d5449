package io.omega.paper.execution;

import io.omega.config.ConfigLoader;
import io.omega.config.PaperTradingConfig;
import io.omega.experience.TradeClosed;
import io.omega.experience.TradeOpened;
import io.omega.learning.backtest.BacktestSettings;
import io.omega.learning.backtest.Backtester;
import io.omega.learning.backtest.Bars;
import io.omega.learning.backtest.Trade;
import io.omega.paper.market.Bar;
import io.omega.schemas.event.Direction;
import io.omega.schemas.event.ExitReason;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PaperBrokerTest {

    private static final Instant T = Instant.parse("2025-01-24T12:00:00Z");
    private static final String S = "BTC-USDT-SWAP";

    /** 10,000 capital, 10 % per position, 0.05 % fee, 0.02 % slippage, stop 1 %, target 2 %, 3 bars at most. */
    private static PaperTradingConfig config() {
        return ConfigLoader.parse("""
                paper_trading:
                  max_holding_bars: 3
                """, Map.of()).paperTrading();
    }

    private static Bar bar(int minute, double open, double high, double low, double close) {
        return new Bar(S, T.plusSeconds(60L * minute), open, high, low, close, 1, 1);
    }

    private static Instant end(int minute) {
        return T.plusSeconds(60L * (minute + 1));
    }

    @Test
    void aDecisionFillsAtTheNextOpenAgainstTheTraderSizedOnEquityAndPaysTheFee() {
        PaperBroker broker = new PaperBroker(config());
        assertThat(broker.onBar(bar(0, 99, 101, 98, 100), end(0)).opened()).isEmpty();
        broker.onDecision(S, "d-1", Direction.LONG, "cnn", "v1");
        assertThat(broker.hasPosition(S)).isFalse(); // nothing fills at the deciding bar's close

        TradeOpened opened = broker.onBar(bar(1, 100.5, 100.6, 100.4, 100.5), end(1)).opened().get(0);
        double fill = 100.5 * 1.0002;
        assertThat(opened.entryPrice()).isCloseTo(fill, within(1e-12));
        assertThat(opened.decisionId()).isEqualTo("d-1");
        // 1,000 allocated pays the notional and the entry fee together (the backtester's sizing)
        assertThat(opened.size()).isCloseTo(1_000 / (fill * 1.0005), within(1e-12));
        assertThat(opened.fee()).isCloseTo(0.0005 * opened.size() * fill, within(1e-12));
        assertThat(opened.stopLoss()).isCloseTo(fill * 0.99, within(1e-12));
        assertThat(opened.takeProfit()).isCloseTo(fill * 1.02, within(1e-12));
        assertThat(opened.slippage()).isCloseTo((fill - 100.5) * opened.size(), within(1e-12));
        assertThat(opened.tradeId()).isEqualTo(S + "-" + end(1).toEpochMilli() + "-1");
        assertThat(broker.hasPosition(S)).isTrue();
    }

    @Test
    void theStopIsTakenBeforeTheTargetWhenABarTouchesBoth() {
        PaperBroker broker = new PaperBroker(config());
        broker.onBar(bar(0, 100, 100, 100, 100), end(0));
        broker.onDecision(S, "d-1", Direction.LONG, "cnn", "v1");
        PaperBroker.Fills fills = broker.onBar(bar(1, 100, 103, 98, 101), end(1));

        TradeOpened opened = fills.opened().get(0);
        assertThat(fills.closed()).singleElement().satisfies(c -> {
            assertThat(c.exitReason()).isEqualTo(ExitReason.SL);
            double exitFill = opened.stopLoss() * (1 - 0.0002);
            assertThat(c.exitPrice()).isCloseTo(exitFill, within(1e-9));
            double expected = (exitFill - opened.entryPrice()) * opened.size() - opened.fee()
                    - exitFill * opened.size() * 0.0005;
            assertThat(c.pnl()).isCloseTo(expected, within(1e-9));
            assertThat(c.duration()).isEqualTo(Duration.ZERO); // entered and stopped within one bar
        });
        assertThat(broker.hasPosition(S)).isFalse();
        assertThat(broker.equity()).isCloseTo(10_000 + fills.closed().get(0).pnl(), within(1e-9));
    }

    @Test
    void anOppositeDecisionClosesAtTheNextOpenAndTheReverseWaitsForItsOwnDecision() {
        PaperBroker broker = new PaperBroker(config());
        broker.onBar(bar(0, 100, 100, 100, 100), end(0));
        broker.onDecision(S, "d-1", Direction.LONG, "cnn", "v1");
        broker.onBar(bar(1, 100, 100.2, 99.9, 100.1), end(1));
        broker.onDecision(S, "d-2", Direction.SHORT, "cnn", "v1");

        PaperBroker.Fills flip = broker.onBar(bar(2, 100.3, 100.4, 100.2, 100.3), end(2));
        assertThat(flip.closed()).singleElement().satisfies(c -> {
            assertThat(c.exitReason()).isEqualTo(ExitReason.SIGNAL);
            assertThat(c.exitPrice()).isCloseTo(100.3 * (1 - 0.0002), within(1e-12));
            assertThat(c.duration()).isEqualTo(Duration.ofMinutes(1));
        });
        assertThat(flip.opened()).isEmpty();
        assertThat(broker.hasPosition(S)).isFalse();

        broker.onDecision(S, "d-3", Direction.SHORT, "cnn", "v2");
        TradeOpened reverse = broker.onBar(bar(3, 100.2, 100.3, 100.1, 100.2), end(3)).opened().get(0);
        assertThat(reverse.direction()).isEqualTo(Direction.SHORT);
        assertThat(reverse.decisionId()).isEqualTo("d-3");
        assertThat(reverse.modelVersion()).isEqualTo("v2");
    }

    @Test
    void aPositionHeldMaxHoldingBarsExitsAtTheNextOpen() {
        PaperBroker broker = new PaperBroker(config());
        broker.onBar(bar(0, 100, 100, 100, 100), end(0));
        broker.onDecision(S, "d-1", Direction.SHORT, "cnn", "v1");
        for (int minute = 1; minute <= 3; minute++) {
            assertThat(broker.onBar(bar(minute, 100, 100.1, 99.9, 100), end(minute)).closed()).isEmpty();
            broker.onDecision(S, "d-x", Direction.FLAT, "cnn", "v1");
        }
        List<TradeClosed> closed = broker.onBar(bar(4, 99.95, 100, 99.9, 99.95), end(4)).closed();
        assertThat(closed).singleElement().satisfies(c -> {
            assertThat(c.exitReason()).isEqualTo(ExitReason.TIMEOUT);
            assertThat(c.exitPrice()).isCloseTo(99.95 * 1.0002, within(1e-12));
            assertThat(c.duration()).isEqualTo(Duration.ofMinutes(3));
        });
    }

    /**
     * The parity the engine promises: over random bars and random decisions, the paper broker's trades are the
     * backtester's on the same bars and signals, entry and exit bar, reason and PnL to 1e-9 (the backtester alone
     * closes what is still open at the end).
     */
    @Test
    void tradesExactlyAsTheBacktesterOnTheSameBarsAndSignals() {
        PaperTradingConfig config = config();
        Backtester backtester = new Backtester(BacktestSettings.from(config));
        int checkedTrades = 0;
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int n = 2_000;
            long[] time = new long[n];
            double[] open = new double[n], high = new double[n], low = new double[n], close = new double[n];
            byte[] signals = new byte[n];
            double price = 100;
            PaperBroker broker = new PaperBroker(config);
            List<TradeClosed> live = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double o = price * (1 + random.nextGaussian() * 0.002);
                double c = o * (1 + random.nextGaussian() * 0.004);
                double h = Math.max(o, c) * (1 + Math.abs(random.nextGaussian()) * 0.003);
                double l = Math.min(o, c) * (1 - Math.abs(random.nextGaussian()) * 0.003);
                price = c;
                time[i] = end(i).toEpochMilli();
                open[i] = o;
                high[i] = h;
                low[i] = l;
                close[i] = c;
                double u = random.nextDouble();
                signals[i] = (byte) (u < 0.08 ? 1 : u < 0.16 ? -1 : 0);
                live.addAll(broker.onBar(bar(i, o, h, l, c), end(i)).closed());
                Direction d = signals[i] > 0 ? Direction.LONG : signals[i] < 0 ? Direction.SHORT : Direction.FLAT;
                broker.onDecision(S, "d-" + i, d, "cnn", "v1");
            }
            List<Trade> backtest = backtester.run(new Bars(time, open, high, low, close), signals).trades().stream()
                    .filter(t -> t.exitReason() != io.omega.learning.backtest.ExitReason.END_OF_DATA).toList();

            assertThat(live).as("seed %d", seed).hasSize(backtest.size());
            for (int k = 0; k < backtest.size(); k++) {
                Trade expected = backtest.get(k);
                TradeClosed actual = live.get(k);
                assertThat(actual.exitReason().name()).isEqualTo(expected.exitReason().code());
                assertThat(actual.tradeId()).isEqualTo(S + "-" + expected.entryTimeMillis() + "-" + (k + 1));
                assertThat(actual.duration().toMillis()).isEqualTo(expected.exitTimeMillis() - expected.entryTimeMillis());
                assertThat(actual.exitPrice()).isCloseTo(expected.exitPrice(), within(1e-9));
                assertThat(actual.pnl()).isCloseTo(expected.pnl(), within(1e-9));
            }
            checkedTrades += backtest.size();
        }
        assertThat(checkedTrades).isGreaterThan(1_000);
    }
}
