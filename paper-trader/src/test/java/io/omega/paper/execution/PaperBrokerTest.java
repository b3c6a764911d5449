package io.omega.paper.execution;

import io.omega.config.ConfigLoader;
import io.omega.config.PaperTradingConfig;
import io.omega.experience.TradeClosed;
import io.omega.experience.TradeOpened;
import io.omega.paper.market.Bar;
import io.omega.schemas.event.Direction;
import io.omega.schemas.event.ExitReason;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PaperBrokerTest {

    private static final Instant T = Instant.parse("2025-01-24T12:00:00Z");
    private static final String S = "BTC-USDT-SWAP";

    /** 10,000 capital, 10 % per position, 0.05 % fee, 0.02 % slippage, stop 1 %, target 2 %, 3 bars at most. */
    private static PaperBroker broker() {
        PaperTradingConfig config = ConfigLoader.parse("""
                paper_trading:
                  max_holding_bars: 3
                """, Map.of()).paperTrading();
        return new PaperBroker(config);
    }

    @Test
    void aLongIsFilledAgainstTheTraderSizedOnEquityAndPaysTheFee() {
        PaperBroker broker = broker();
        TradeOpened opened = broker.onDecision(S, "d-1", Direction.LONG, 100, T, "cnn", "v1").opened().orElseThrow();
        assertThat(opened.entryPrice()).isCloseTo(100.02, within(1e-12));
        assertThat(opened.size()).isCloseTo(1_000 / 100.02, within(1e-12));
        assertThat(opened.fee()).isCloseTo(0.5, within(1e-12)); // 0.05 % of a 1,000 notional
        assertThat(opened.stopLoss()).isCloseTo(100.02 * 0.99, within(1e-12));
        assertThat(opened.takeProfit()).isCloseTo(100.02 * 1.02, within(1e-12));
        assertThat(opened.slippage()).isCloseTo(0.02 * 1_000 / 100.02, within(1e-12));
        assertThat(broker.equity()).isCloseTo(9_999.5, within(1e-9));
    }

    @Test
    void theStopIsTakenBeforeTheTargetWhenABarTouchesBoth() {
        PaperBroker broker = broker();
        TradeOpened opened = broker.onDecision(S, "d-1", Direction.LONG, 100, T, "cnn", "v1").opened().orElseThrow();
        List<TradeClosed> closed = broker.onBar(new Bar(S, T.plusSeconds(60), 100, 103, 98, 101, 5, 10));
        assertThat(closed).singleElement().satisfies(c -> {
            assertThat(c.exitReason()).isEqualTo(ExitReason.SL);
            double exitFill = opened.stopLoss() * (1 - 0.0002);
            assertThat(c.exitPrice()).isCloseTo(exitFill, within(1e-9));
            double expected = (exitFill - opened.entryPrice()) * opened.size() - opened.fee() - exitFill * opened.size() * 0.0005;
            assertThat(c.pnl()).isCloseTo(expected, within(1e-9));
            assertThat(c.duration()).isEqualTo(Duration.ofMinutes(1));
        });
        assertThat(broker.hasPosition(S)).isFalse();
    }

    @Test
    void aShortTakesItsTargetAndAnOppositeSignalAndTheTimeoutClose() {
        PaperBroker broker = broker();
        broker.onDecision(S, "d-1", Direction.SHORT, 100, T, "cnn", "v1");
        List<TradeClosed> tp = broker.onBar(new Bar(S, T.plusSeconds(60), 99.5, 99.6, 97.0, 97.5, 5, 10));
        assertThat(tp).singleElement().extracting(TradeClosed::exitReason).isEqualTo(ExitReason.TP);
        assertThat(tp.get(0).pnl()).isPositive();

        broker.onDecision(S, "d-2", Direction.LONG, 100, T.plusSeconds(120), "cnn", "v1");
        var flip = broker.onDecision(S, "d-3", Direction.SHORT, 100.5, T.plusSeconds(180), "cnn", "v1");
        assertThat(flip.closed()).singleElement().extracting(TradeClosed::exitReason).isEqualTo(ExitReason.SIGNAL);
        assertThat(flip.opened()).isPresent(); // the opposite signal also opens the new side

        for (int i = 1; i <= 2; i++) {
            assertThat(broker.onBar(new Bar(S, T.plusSeconds(180 + 60L * i), 100.5, 100.6, 100.4, 100.5, 1, 1))).isEmpty();
        }
        assertThat(broker.onBar(new Bar(S, T.plusSeconds(420), 100.5, 100.6, 100.4, 100.45, 1, 1)))
                .singleElement().extracting(TradeClosed::exitReason).isEqualTo(ExitReason.TIMEOUT);
        assertThat(broker.onDecision(S, "d-4", Direction.FLAT, 100, T.plusSeconds(480), "cnn", "v1").opened()).isEmpty();
    }
}
