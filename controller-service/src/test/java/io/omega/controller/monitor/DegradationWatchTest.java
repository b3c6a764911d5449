package io.omega.controller.monitor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DegradationWatchTest {

    private static final BacktestFigures BACKTEST = new BacktestFigures(60.0, 1.0, 200);

    private final DegradationWatch watch = new DegradationWatch(new MonitorSettings(10, 10.0, 10, 0.05, 10, 1_000.0,
            true));

    @Test
    void aNewPromotionStartsAnEmptyStint() {
        WatchState state = losses(null, "promoted-1", 9);
        assertThat(state.stintTrades()).isEqualTo(9);
        assertThat(state.recent().count()).isEqualTo(9);

        DegradationWatch.Step first = watch.afterTrade(state, "promoted-2", -0.5, BACKTEST);
        assertThat(first.state().since()).isEqualTo("promoted-2");
        assertThat(first.state().stintTrades()).isEqualTo(1);
        assertThat(first.state().recent().count()).as("the old stint's returns are gone").isEqualTo(1);
        assertThat(first.degradation()).as("the old stint's 10th trade would have been a look").isEmpty();
    }

    @Test
    void theTenthLossOfAStintIsReportedOnceAndTheNextLookThatFailsIsSilent() {
        WatchState nine = losses(null, "promoted-1", 9);
        DegradationWatch.Step tenth = watch.afterTrade(nine, "promoted-1", -0.5, BACKTEST);
        assertThat(tenth.degradation()).hasValueSatisfying(v -> assertThat(v.trades()).isEqualTo(10));
        assertThat(tenth.state().alerted()).isTrue();

        DegradationWatch.Step twentieth = watch.afterTrade(losses(tenth.state(), "promoted-1", 9), "promoted-1", -0.5,
                BACKTEST);
        assertThat(twentieth.degradation()).isEmpty();
        assertThat(twentieth.state().alerted()).isTrue();
    }

    @Test
    void withoutEvaluatedFiguresTheStintIsKeptButNotJudged() {
        WatchState nine = losses(null, "promoted-1", 9);
        DegradationWatch.Step tenth = watch.afterTrade(nine, "promoted-1", -0.5, null);
        assertThat(tenth.degradation()).isEmpty();
        assertThat(tenth.state().stintTrades()).isEqualTo(10);
    }

    private WatchState losses(WatchState state, String since, int n) {
        for (int i = 0; i < n; i++) {
            DegradationWatch.Step step = watch.afterTrade(state, since, -0.5 - 0.01 * i, BACKTEST);
            assertThat(step.degradation()).isEmpty();
            state = step.state();
        }
        return state;
    }
}
