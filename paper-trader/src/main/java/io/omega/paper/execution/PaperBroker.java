package io.omega.paper.execution;

import io.omega.config.PaperTradingConfig;
import io.omega.experience.TradeClosed;
import io.omega.experience.TradeOpened;
import io.omega.learning.backtest.BacktestSettings;
import io.omega.learning.backtest.ExecutionModel;
import io.omega.learning.backtest.Trade;
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

/**
 * Paper execution through the backtester's own {@link ExecutionModel}, one account per symbol (as each backtest is
 * one account trading one instrument, each of {@code starting_capital}). A decision at a bar's close fills at the
 * next bar's open; within a bar the stop is tested before the target against its low and high; an opposite decision
 * closes the position at the next open and a new one needs the decision again; a position held
 * {@code max_holding_bars} exits at the next open. So a stint replayed through the backtester from its logged bars and
 * decisions gives these trades exactly.
 *
 * <p>Times: everything that happens within a bar is stamped with {@code at}, the time the bar is stamped with (its
 * end, like its decision), so the logged fills line up with the logged decisions bar by bar.
 */
public final class PaperBroker {

    /** What a bar caused: positions opened at its open, then positions closed in it, in that order. */
    public record Fills(List<TradeOpened> opened, List<TradeClosed> closed) {
    }

    /** Who asked for the order that fills at the next open, for the execution record. */
    private record Order(String decisionId, String modelType, String modelVersion) {
    }

    private record OpenTrade(String tradeId, String modelType, String modelVersion) {
    }

    /** One symbol's account and what it is waiting for. */
    private final class Book implements ExecutionModel.Fills {
        private final String symbol;
        private final ExecutionModel account;
        private Order pending;
        private OpenTrade open;
        private Instant at;
        private final List<TradeOpened> opened = new ArrayList<>();
        private final List<TradeClosed> closed = new ArrayList<>();

        Book(String symbol) {
            this.symbol = symbol;
            this.account = new ExecutionModel(rules, this);
        }

        @Override
        public void opened(ExecutionModel.Entry e) {
            String tradeId = symbol + "-" + at.toEpochMilli() + "-" + nextTrade++;
            open = new OpenTrade(tradeId, pending.modelType(), pending.modelVersion());
            opened.add(new TradeOpened(tradeId, pending.decisionId(), symbol, Direction.valueOf(e.direction().name()),
                    e.fillPrice(), e.quantity(), e.stopLoss(), e.takeProfit(), e.fee(), e.slippageCost(),
                    open.modelType(), open.modelVersion(), TradeMode.PAPER));
        }

        @Override
        public void closed(Trade t) {
            realized += t.pnl();
            Duration held = Duration.ofMillis(t.exitTimeMillis() - t.entryTimeMillis());
            closed.add(new TradeClosed(open.tradeId(), symbol, t.exitPrice(), t.pnl(),
                    t.pnl() / (t.entryPrice() * t.quantity()) * 100, held, reason(t.exitReason()), open.modelType(),
                    open.modelVersion()));
            open = null;
        }

        Fills drain() {
            Fills fills = new Fills(List.copyOf(opened), List.copyOf(closed));
            opened.clear();
            closed.clear();
            return fills;
        }
    }

    private final BacktestSettings rules;
    private final double startingCapital;
    private final Map<String, Book> books = new HashMap<>();
    private double realized;
    private long nextTrade = 1;

    public PaperBroker(PaperTradingConfig settings) {
        this.rules = BacktestSettings.from(settings);
        this.startingCapital = settings.startingCapital();
    }

    /** The starting capital plus every closed trade's result (open positions not marked). */
    public double equity() {
        return startingCapital + realized;
    }

    public boolean hasPosition(String symbol) {
        Book book = books.get(symbol);
        return book != null && book.account.inPosition();
    }

    /**
     * A bar of the symbol, stamped {@code at}: the order decided at the previous close fills at its open, then the
     * open position's stop and target are tested against it.
     */
    public Fills onBar(Bar bar, Instant at) {
        Book book = books.computeIfAbsent(bar.symbol(), Book::new);
        book.at = at;
        book.account.atOpen(at.toEpochMilli(), bar.open(), bar.high(), bar.low());
        return book.drain();
    }

    /**
     * The decision at the close of the bar last given: LONG or SHORT while flat is entered at the next open; the
     * opposite direction of an open position closes it at the next open (SIGNAL); a position held
     * {@code max_holding_bars} closes there too (TIMEOUT). FLAT opens and closes nothing.
     */
    public void onDecision(String symbol, String decisionId, Direction direction, String modelType,
                           String modelVersion) {
        Book book = books.get(symbol);
        if (book == null) {
            throw new IllegalStateException("a decision on " + symbol + " before any of its bars");
        }
        int signal = direction == Direction.LONG ? 1 : direction == Direction.SHORT ? -1 : 0;
        if (!book.account.inPosition() && signal != 0) {
            book.pending = new Order(decisionId, modelType, modelVersion);
        }
        book.account.atClose(signal);
    }

    /** The logged reason: the backtester's short code, which the schema's enum spells the same way. */
    private static ExitReason reason(io.omega.learning.backtest.ExitReason reason) {
        if (reason == io.omega.learning.backtest.ExitReason.END_OF_DATA) {
            throw new IllegalStateException("a live account has no end of data");
        }
        return ExitReason.valueOf(reason.code());
    }
}
