package io.omega.controller.monitor;

import java.util.Arrays;

/**
 * The last {@code capacity} trade results of one model version, win or not, and their win rate: the dashboard's
 * rolling win rate. A ring of bits.
 */
public final class RollingWinRate {

    private final int capacity;
    private final byte[] bits;
    private int next;
    private int count;
    private int wins;

    public RollingWinRate(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
        this.bits = new byte[(capacity + 7) / 8];
    }

    public void add(boolean win) {
        if (count == capacity) {
            if (get(next)) {
                wins--;
            }
        } else {
            count++;
        }
        set(next, win);
        if (win) {
            wins++;
        }
        next = (next + 1) % capacity;
    }

    public int capacity() {
        return capacity;
    }

    /** Trades in the window: at most the capacity. */
    public int count() {
        return count;
    }

    public int wins() {
        return wins;
    }

    public boolean isFull() {
        return count == capacity;
    }

    /** Wins over trades in the window, × 100; 0 for an empty window. */
    public double winRate() {
        return count == 0 ? 0 : wins * 100.0 / count;
    }

    /**
     * The same results in a window of another size, oldest dropped first: the window setting may change between
     * runs, and the trades already seen still count.
     */
    public RollingWinRate resized(int newCapacity) {
        if (newCapacity == capacity) {
            return this;
        }
        RollingWinRate resized = new RollingWinRate(newCapacity);
        int oldest = count == capacity ? next : 0;
        for (int i = Math.max(0, count - newCapacity); i < count; i++) {
            resized.add(get((oldest + i) % capacity));
        }
        return resized;
    }

    private boolean get(int i) {
        return (bits[i >>> 3] & (1 << (i & 7))) != 0;
    }

    private void set(int i, boolean value) {
        if (value) {
            bits[i >>> 3] |= (byte) (1 << (i & 7));
        } else {
            bits[i >>> 3] &= (byte) ~(1 << (i & 7));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RollingWinRate r && r.capacity == capacity && r.next == next && r.count == count
                && r.wins == wins && Arrays.equals(r.bits, bits);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bits) + count;
    }

    @Override
    public String toString() {
        return wins + "/" + count + " (window " + capacity + ")";
    }
}
