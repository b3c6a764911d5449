package io.omega.learning.backtest;

/** Side of a position; {@link #sign()} is +1 for long and -1 for short so PnL is {@code sign × qty × move}. */
public enum Direction {
    LONG(1), SHORT(-1);

    private final int sign;

    Direction(int sign) {
        this.sign = sign;
    }

    public int sign() {
        return sign;
    }
}
