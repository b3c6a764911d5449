package io.omega.experience;

import io.omega.schemas.id.EventIds;

/**
 * Where the events a recorder logs come from, which decides their ids and their {@code backfilled} mark: a live
 * engine ({@link #LIVE}: a fresh id per event) or a backfill ({@link #BACKFILL}: ids derived from what each event
 * is, so that deriving the same history again yields the same ids and a re-run can tell what has landed already).
 */
public interface EventOrigin {

    /** A live engine's events: fresh time-ordered ids, not backfilled. */
    EventOrigin LIVE = new EventOrigin() {
        @Override
        public String decisionId(long eventTimeMillis, String symbol, AiDecision decision) {
            return EventIds.next(eventTimeMillis);
        }

        @Override
        public String executionId(long eventTimeMillis, TradeOpened trade) {
            return EventIds.next(eventTimeMillis);
        }

        @Override
        public String outcomeId(long eventTimeMillis, TradeClosed trade) {
            return EventIds.next(eventTimeMillis);
        }

        @Override
        public boolean backfilled() {
            return false;
        }
    };

    /**
     * Events derived from historical bars: a decision is named by its symbol, time and whether it is a shadow's,
     * an execution and an outcome by their trade (the paper broker's trade ids are themselves derived from symbol,
     * time and order, so a replay of the same bars repeats them).
     */
    EventOrigin BACKFILL = new EventOrigin() {
        @Override
        public String decisionId(long eventTimeMillis, String symbol, AiDecision decision) {
            String role = decision.shadow() ? "shadow" : "production";
            return EventIds.named(eventTimeMillis, "decision|" + symbol + "|" + role);
        }

        @Override
        public String executionId(long eventTimeMillis, TradeOpened trade) {
            return EventIds.named(eventTimeMillis, "execution|" + trade.symbol() + "|" + trade.tradeId());
        }

        @Override
        public String outcomeId(long eventTimeMillis, TradeClosed trade) {
            return EventIds.named(eventTimeMillis, "outcome|" + trade.symbol() + "|" + trade.tradeId());
        }

        @Override
        public boolean backfilled() {
            return true;
        }
    };

    String decisionId(long eventTimeMillis, String symbol, AiDecision decision);

    String executionId(long eventTimeMillis, TradeOpened trade);

    String outcomeId(long eventTimeMillis, TradeClosed trade);

    /** The value of the events' {@code backfilled} field. */
    boolean backfilled();
}
