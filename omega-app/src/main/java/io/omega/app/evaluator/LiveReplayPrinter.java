package io.omega.app.evaluator;

import io.omega.evaluator.evaluate.LiveReplay;
import io.omega.learning.backtest.Trade;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;

/** {@code omega evaluate --live}: live trades beside their replay, one line each, and the verdict as exit status. */
final class LiveReplayPrinter {

    private final PrintWriter out;

    LiveReplayPrinter(PrintWriter out) {
        this.out = out;
    }

    /** @return 0 when the replay gives the live record exactly, 1 when anything differs */
    int print(LiveReplay.Result result) {
        out.printf(Locale.ROOT, "Symbol %s: %d live decisions, %d decided differently on replay%n", result.symbol(),
                result.decisions(), result.directionMismatches());
        result.differingDecisions().forEach(d -> out.println("  decided differently at " + d));
        out.printf(Locale.ROOT, "%-24s %-24s %-5s | %-7s %-7s | %12s %12s |%n", "entry", "exit", "dir", "live", "replay",
                "live pnl%", "replay pnl%");
        for (LiveReplay.Pair p : result.trades()) {
            String entry = p.live().map(l -> l.entry().toString())
                    .orElseGet(() -> Instant.ofEpochMilli(p.replayed().orElseThrow().entryTimeMillis()).toString());
            String exit = p.live().map(l -> l.exit().toString())
                    .orElseGet(() -> Instant.ofEpochMilli(p.replayed().orElseThrow().exitTimeMillis()).toString());
            String dir = p.live().map(LiveReplay.LiveTrade::direction)
                    .orElseGet(() -> p.replayed().orElseThrow().direction().name());
            out.printf(Locale.ROOT, "%-24s %-24s %-5s | %-7s %-7s | %12s %12s | %s%n", entry, exit, dir,
                    p.live().map(LiveReplay.LiveTrade::reason).orElse("-"),
                    p.replayed().map(t -> t.exitReason().code()).orElse("-"),
                    p.live().map(l -> String.format(Locale.ROOT, "%.6f", l.pnlPct())).orElse("-"),
                    p.replayed().map(LiveReplayPrinter::pnlPct).orElse("-"), p.matches() ? "same" : "DIFFERS");
        }
        out.printf(Locale.ROOT, "%d trade(s), %d differ: %s%n", result.trades().size(), result.tradeMismatches(),
                result.identical() ? "the replay gives the live record exactly" : "the replay differs from the live record");
        out.flush();
        return result.identical() ? 0 : 1;
    }

    private static String pnlPct(Trade t) {
        return String.format(Locale.ROOT, "%.6f", t.pnl() / (t.entryPrice() * t.quantity()) * 100);
    }
}
