package io.omega.controller.monitor;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.ByteBuffer;

/**
 * What the monitor keeps per model version: its rolling live results, and whether the current degradation was
 * already reported (so a degradation gives one alert and one rollback, not one per trade).
 */
public record WatchState(RollingWinRate window, boolean alerted) {

    private static final byte FORMAT = 1;

    public static Serde<WatchState> serde() {
        Serializer<WatchState> serializer = (topic, state) -> {
            if (state == null) {
                return null;
            }
            byte[] window = state.window().toBytes();
            return ByteBuffer.allocate(2 + window.length).put(FORMAT).put((byte) (state.alerted() ? 1 : 0))
                    .put(window).array();
        };
        Deserializer<WatchState> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            byte format = buffer.get();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unknown watch state format " + format + " in " + topic);
            }
            boolean alerted = buffer.get() == 1;
            return new WatchState(RollingWinRate.fromBytes(buffer), alerted);
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
