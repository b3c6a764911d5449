package io.omega.controller.monitor;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * What the monitor keeps about the production stint of one model version.
 *
 * @param since       the registry event that started the stint; a different one in the registry means a new stint
 * @param stintTrades live trades of the version since then
 * @param recent      the most recent of those trades' returns, the sample each look tests
 * @param alerted     the current degradation was already reported (one alert and one rollback per degradation)
 */
public record WatchState(String since, long stintTrades, RecentReturns recent, boolean alerted) {

    // Format 1 held a ring of win/loss bits and no stint; it cannot become a stint, so it is read as none.
    private static final byte FORMAT = 2;

    static WatchState fresh(String since, int capacity) {
        return new WatchState(since, 0, new RecentReturns(capacity), false);
    }

    public static Serde<WatchState> serde() {
        Serializer<WatchState> serializer = (topic, state) -> {
            if (state == null) {
                return null;
            }
            byte[] since = state.since().getBytes(StandardCharsets.UTF_8);
            byte[] recent = state.recent().toBytes();
            return ByteBuffer.allocate(2 + 4 + since.length + 8 + recent.length).put(FORMAT)
                    .put((byte) (state.alerted() ? 1 : 0)).putInt(since.length).put(since)
                    .putLong(state.stintTrades()).put(recent).array();
        };
        Deserializer<WatchState> deserializer = (topic, bytes) -> {
            if (bytes == null || bytes[0] == 1) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            byte format = buffer.get();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unknown watch state format " + format + " in " + topic);
            }
            boolean alerted = buffer.get() == 1;
            byte[] since = new byte[buffer.getInt()];
            buffer.get(since);
            long stintTrades = buffer.getLong();
            return new WatchState(new String(since, StandardCharsets.UTF_8), stintTrades,
                    RecentReturns.fromBytes(buffer), alerted);
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
