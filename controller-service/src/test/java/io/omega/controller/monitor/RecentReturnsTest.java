package io.omega.controller.monitor;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RecentReturnsTest {

    @Test
    void keepsTheLastReturnsAndTheirFigures() {
        RecentReturns r = new RecentReturns(3);
        r.add(1.0);
        assertThat(r.standardDeviation()).isZero();
        r.add(-0.5);
        r.add(0.0);
        r.add(2.0); // 1.0 leaves
        assertThat(r.count()).isEqualTo(3);
        assertThat(r.wins()).as("a return of exactly zero is not a win").isEqualTo(1);
        assertThat(r.winRate()).isCloseTo(100.0 / 3, within(1e-12));
        assertThat(r.mean()).isCloseTo(0.5, within(1e-15));
        assertThat(r.standardDeviation()).isCloseTo(Math.sqrt((1 + 0.25 + 2.25) / 2), within(1e-15));
        assertThatThrownBy(() -> r.add(Double.NaN)).hasMessage("a trade return must be finite, got NaN");
    }

    @Test
    void resizingKeepsTheNewestReturns() {
        RecentReturns r = new RecentReturns(4);
        for (int i = 1; i <= 6; i++) {
            r.add(i);
        }
        RecentReturns smaller = r.resized(2);
        assertThat(smaller.count()).isEqualTo(2);
        assertThat(smaller.mean()).isEqualTo(5.5);
        RecentReturns larger = r.resized(10);
        assertThat(larger.count()).isEqualTo(4);
        assertThat(larger.mean()).isEqualTo(4.5);
    }

    @Test
    void aStintRoundTripsThroughItsBytesAndCorruptBytesAreRefused() {
        RecentReturns r = new RecentReturns(5);
        for (int i = 0; i < 7; i++) {
            r.add(0.1 * i - 0.3);
        }
        var serde = WatchState.serde();
        WatchState state = new WatchState("event-1", 7, r, true);
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", state))).isEqualTo(state);

        byte[] bytes = r.toBytes();
        ByteBuffer.wrap(bytes).putInt(8, 9); // count > capacity
        assertThatThrownBy(() -> RecentReturns.fromBytes(ByteBuffer.wrap(bytes)))
                .hasMessage("corrupt recent returns: capacity 5, next 2, count 9");
    }

    @Test
    void aWindowKeptBeforeStintsExistedIsReadAsNoStint() {
        byte[] formatOne = {1, 0, 0, 0, 0, 5};
        assertThat(WatchState.serde().deserializer().deserialize("t", formatOne)).isNull();
    }
}
