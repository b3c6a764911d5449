package io.omega.controller.monitor;

/**
 * When the monitor judges a stint, and how its false-alarm budget is shared. Within each horizon of
 * {@code horizonTrades} trades the looks come at trade {@code minTrades}, then every {@code step} trades; the
 * budget α is split evenly over them (and over the two tests of each look), so by the union bound the chance of any
 * false verdict in a horizon is at most α however the looks' results depend on each other.
 */
record LookSchedule(int minTrades, int step, int horizonTrades) {

    LookSchedule {
        if (minTrades < 1 || step < 1 || horizonTrades < minTrades) {
            throw new IllegalArgumentException("need 1 <= minTrades <= horizonTrades and step >= 1, got " + minTrades
                    + ", " + step + ", " + horizonTrades);
        }
    }

    /** Whether the stint's {@code stintTrades}-th trade (from 1) is followed by a look. */
    boolean isLook(long stintTrades) {
        if (stintTrades < 1) {
            return false;
        }
        long inHorizon = (stintTrades - 1) % horizonTrades + 1;
        return inHorizon >= minTrades && (inHorizon - minTrades) % step == 0;
    }

    /** Looks per horizon. */
    int looks() {
        return 1 + (horizonTrades - minTrades) / step;
    }
}
