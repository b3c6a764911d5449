package io.omega.paper.execution;

import io.omega.config.PaperTradingConfig;
import io.omega.experience.TradeClosed;
import io.omega.experience.TradeOpened;
import io.omega.paper.market.Bar;
import io.omega.schemas.event.Direction;
import io.omega.schemas.event.ExitReason;
import io.omega.schemas.event.TradeMode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Paper execution, one position per symbol, with the same rules as the backtester: every fill moves against the
 * trader by the slippage rate and pays the fee rate on its notional; a position is sized at {@code position_size_pct}
 * of equity; on each bar a stop-loss is checked before a take-profit (a bar does not say which came first) and fills
 * at the stop, or at the open when the bar gapped past it; a position held {@code max_holding_bars} closes at the
 * close (TIMEOUT); an opposite decision closes it (SIGNAL).
 */
public final class PaperBroker {

    /** What a decision or a bar caused. */
    public record Fills(Optional<TradeOpened> opened, List<TradeClosed> closed) {
    }

    private record Position(String tradeId, Direction direction, double entryFill, double size, double stop,
                            double target, double entryFee, Instant openedAt, String modelType, String modelVersion,
                            int barsHeld) {
        Position held() {
            return new Position(tradeId, direction, entryFill, size, stop, target, entryFee, openedAt, modelType,
                    modelVersion, barsHeld + 1);
        }
    }

    private final PaperTradingConfig settings;
    private final Map<String, Position> positions = new HashMap<>();
    private double equity;
    private long nextTrade = 1;

    public PaperBroker(PaperTradingConfig settings) {
        this.settings = settings;
        this.equity = settings.startingCapital();
    }

    public double equity() {
        return equity;
    }

    public boolean hasPosition(String symbol) {
        return positions.containsKey(symbol);
    }

    /** Checks the open position of the bar's symbol against the bar: stop, target, then timeout. */
    public List<TradeClosed> onBar(Bar bar) {
        Position p = positions.get(bar.symbol());
        if (p == null) {
            return List.of();
        }
        boolean isLong = p.direction() == Direction.LONG;
        Instant at = bar.start();
        if (isLong ? bar.low() <= p.stop() : bar.high() >= p.stop()) {
            double level = isLong ? Math.min(p.stop(), bar.open()) : Math.max(p.stop(), bar.open());
            return List.of(close(bar.symbol(), level, at, ExitReason.SL));
        }
        if (isLong ? bar.high() >= p.target() : bar.low() <= p.target()) {
            return List.of(close(bar.symbol(), p.target(), at, ExitReason.TP));
        }
        Position held = p.held();
        if (held.barsHeld() >= settings.maxHoldingBars()) {
            return List.of(close(bar.symbol(), bar.close(), at, ExitReason.TIMEOUT));
        }
        positions.put(bar.symbol(), held);
        return List.of();
    }

    /**
     * A decision at {@code price}: an opposite direction closes the open position (SIGNAL); LONG or SHORT with no
     * position opens one. FLAT does nothing.
     */
    public Fills onDecision(String symbol, String decisionId, Direction direction, double price, Instant at,
                            String modelType, String modelVersion) {
        List<TradeClosed> closed = new ArrayList<>();
        Position p = positions.get(symbol);
        if (p != null && direction != Direction.FLAT && direction != p.direction()) {
            closed.add(close(symbol, price, at, ExitReason.SIGNAL));
            p = null;
        }
        if (p != null || direction == Direction.FLAT) {
            return new Fills(Optional.empty(), closed);
        }
        boolean isLong = direction == Direction.LONG;
        double fill = price * (isLong ? 1 + settings.slippageRate() : 1 - settings.slippageRate());
        double size = equity * settings.positionSizePct() / 100 / fill;
        double fee = fill * size * settings.feeRate();
        double stop = fill * (isLong ? 1 - settings.stopLossPct() / 100 : 1 + settings.stopLossPct() / 100);
        double target = fill * (isLong ? 1 + settings.takeProfitPct() / 100 : 1 - settings.takeProfitPct() / 100);
        String tradeId = symbol + "-" + at.toEpochMilli() + "-" + nextTrade++;
        positions.put(symbol, new Position(tradeId, direction, fill, size, stop, target, fee, at, modelType,
                modelVersion, 0));
        equity -= fee;
        return new Fills(Optional.of(new TradeOpened(tradeId, decisionId, symbol, direction, fill, size, stop, target,
                fee, Math.abs(fill - price) * size, modelType, modelVersion, TradeMode.PAPER)), closed);
    }

    private TradeClosed close(String symbol, double level, Instant at, ExitReason reason) {
        Position p = positions.remove(symbol);
        boolean isLong = p.direction() == Direction.LONG;
        double fill = level * (isLong ? 1 - settings.slippageRate() : 1 + settings.slippageRate());
        double exitFee = fill * p.size() * settings.feeRate();
        double move = (isLong ? fill - p.entryFill() : p.entryFill() - fill) * p.size();
        double pnl = move - p.entryFee() - exitFee;
        equity += move - exitFee;
        double pnlPct = pnl / (p.entryFill() * p.size()) * 100;
        Duration held = Duration.between(p.openedAt(), at);
        return new TradeClosed(p.tradeId(), symbol, fill, pnl, pnlPct, held.isNegative() ? Duration.ZERO : held,
                reason, p.modelType(), p.modelVersion());
    }
}
