package io.omega.learning.backtest;

/** Why a position was closed; {@link #code()} is the short form used in reports. */
public enum ExitReason {
    TAKE_PROFIT("TP"), STOP_LOSS("SL"), SIGNAL("SIGNAL"), TIMEOUT("TIMEOUT"),
    /** Still open at the last bar of the window: closed at its close so every position is counted and charged. */
    END_OF_DATA("END");

    private final String code;

    ExitReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
