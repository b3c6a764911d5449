package io.omega.paper;

import io.omega.paper.market.Bar;

import java.time.Duration;
import java.util.List;

/** Market data to replay: bars in time order, of one length, and how to name them to a user. */
public interface BarSource {

    /** The bars, in time order, named {@code symbol}. */
    List<Bar> bars(String symbol);

    Duration barLength();

    String description();
}
