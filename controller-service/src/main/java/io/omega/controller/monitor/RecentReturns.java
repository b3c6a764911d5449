package io.omega.controller.monitor;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The last {@code capacity} live trade returns of one production stint ({@code pnl_pct}: net PnL as % of the
 * position's entry notional), oldest overwritten first. A trade wins when its return is above zero: the same sign as
 * its PnL, fees included, so a break-even trade is not a win, as in the backtest metrics.
 */
public final class RecentReturns {

    private final double[] returns;
    private int next;
    private int count;

    public RecentReturns(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.returns = new double[capacity];
    }

    public void add(double pnlPct) {
        if (!Double.isFinite(pnlPct)) {
            throw new IllegalArgumentException("a trade return must be finite, got " + pnlPct);
        }
        returns[next] = pnlPct;
        next = (next + 1) % returns.length;
        count = Math.min(count + 1, returns.length);
    }

    public int capacity() {
        return returns.length;
    }

    /** Returns held: at most the capacity. */
    public int count() {
        return count;
    }

    public int wins() {
        int wins = 0;
        for (int i = 0; i < count; i++) {
            if (returns[i] > 0) {
                wins++;
            }
        }
        return wins;
    }

    /** Wins over trades held, × 100; 0 when empty. */
    public double winRate() {
        return count == 0 ? 0 : wins() * 100.0 / count;
    }

    /** Mean return in %; 0 when empty. */
    public double mean() {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += returns[i];
        }
        return count == 0 ? 0 : sum / count;
    }

    /** Sample standard deviation (n − 1) in %; 0 with fewer than two returns. */
    public double standardDeviation() {
        if (count < 2) {
            return 0;
        }
        double mean = mean(), ss = 0;
        for (int i = 0; i < count; i++) {
            double d = returns[i] - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / (count - 1));
    }

    /** The same returns in a ring of another size, oldest dropped first: the window setting may change between runs. */
    public RecentReturns resized(int newCapacity) {
        if (newCapacity == returns.length) {
            return this;
        }
        RecentReturns resized = new RecentReturns(newCapacity);
        int oldest = count == returns.length ? next : 0;
        for (int i = Math.max(0, count - newCapacity); i < count; i++) {
            resized.add(returns[(oldest + i) % returns.length]);
        }
        return resized;
    }

    byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(12 + 8 * count).putInt(returns.length).putInt(next).putInt(count);
        for (int i = 0; i < count; i++) {
            buffer.putDouble(returns[i]);
        }
        return buffer.array();
    }

    static RecentReturns fromBytes(ByteBuffer buffer) {
        int capacity = buffer.getInt(), next = buffer.getInt(), count = buffer.getInt();
        if (capacity < 1 || next < 0 || next >= capacity || count < 0 || count > capacity
                || (count < capacity && next != count)) {
            throw new IllegalArgumentException("corrupt recent returns: capacity " + capacity + ", next " + next
                    + ", count " + count);
        }
        RecentReturns r = new RecentReturns(capacity);
        for (int i = 0; i < count; i++) {
            r.returns[i] = buffer.getDouble();
        }
        r.next = next;
        r.count = count;
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecentReturns r && r.next == next && r.count == count && Arrays.equals(r.returns, returns);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(returns) + count;
    }

    @Override
    public String toString() {
        return count + " returns, mean " + mean() + " % (window " + returns.length + ")";
    }
}
