package io.omega.controller.retrain;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Per model type: outcomes since the last training request, when that request was made, and the request still
 * running (empty when none), so that one type never has two trainings at once.
 */
public record RetrainState(long outcomesSince, long lastRequestMillis, String inFlightRequestId) {

    public static final RetrainState INITIAL = new RetrainState(0, -1, "");

    public boolean inFlight() {
        return !inFlightRequestId.isEmpty();
    }

    RetrainState withOutcome() {
        return new RetrainState(outcomesSince + 1, lastRequestMillis, inFlightRequestId);
    }

    RetrainState requested(String requestId, long atMillis) {
        return new RetrainState(0, atMillis, requestId);
    }

    RetrainState finished() {
        return new RetrainState(outcomesSince, lastRequestMillis, "");
    }

    public static Serde<RetrainState> serde() {
        Serializer<RetrainState> serializer = (topic, s) -> {
            if (s == null) {
                return null;
            }
            byte[] id = s.inFlightRequestId().getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(20 + id.length).putLong(s.outcomesSince()).putLong(s.lastRequestMillis())
                    .putInt(id.length).put(id).array();
        };
        Deserializer<RetrainState> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            ByteBuffer b = ByteBuffer.wrap(bytes);
            long outcomes = b.getLong();
            long last = b.getLong();
            byte[] id = new byte[b.getInt()];
            b.get(id);
            return new RetrainState(outcomes, last, new String(id, StandardCharsets.UTF_8));
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
