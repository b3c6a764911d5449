package io.omega.paper;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What {@link ReplayRunner} replays and how: the bars, the name of the series, where its times end, what is told of
 * each bar and of the trader once it exists. {@code Replay.of(data)} is the market's own times under the first
 * configured symbol, unpaced; each {@code with} changes one thing.
 *
 * @param data    bundled, generated or the user's own bars
 * @param symbol  the series' name; empty: {@code paper_trading.symbols}' first (a user's own file names none)
 * @param endAt   the bars' times shifted so that the replay ends here; empty: the market's own times. Shifting matters
 *                wherever "the last N days" is asked of the logged experience, as training does
 * @param pacing  told after each bar; it may hold the replay back
 * @param started told of the trader once it exists, to watch its progress
 */
public record Replay(BarSource data, Optional<String> symbol, Optional<Instant> endAt, ReplayPacing pacing,
                     Consumer<PaperTrader> started) {

    public Replay {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(endAt, "endAt");
        Objects.requireNonNull(pacing, "pacing");
        Objects.requireNonNull(started, "started");
    }

    public static Replay of(BarSource data) {
        return new Replay(data, Optional.empty(), Optional.empty(), ReplayPacing.NONE, trader -> { });
    }

    public Replay named(String seriesSymbol) {
        return new Replay(data, Optional.of(seriesSymbol), endAt, pacing, started);
    }

    public Replay endingAt(Instant end) {
        return new Replay(data, symbol, Optional.of(end), pacing, started);
    }

    public Replay pacedBy(ReplayPacing replayPacing) {
        return new Replay(data, symbol, endAt, replayPacing, started);
    }

    public Replay onStart(Consumer<PaperTrader> listener) {
        return new Replay(data, symbol, endAt, pacing, listener);
    }
}
