package io.omega.controller.monitor;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.charset.StandardCharsets;

/**
 * The version in production for a model type, and the id of the registry event that put it there. The id marks the
 * stint: a version promoted, rolled away from and restored later starts a new stint with a new id.
 */
record Production(String version, String since) {

    static Serde<Production> serde() {
        Serializer<Production> serializer = (topic, p) -> p == null ? null
                : (p.since() + "\n" + p.version()).getBytes(StandardCharsets.UTF_8);
        Deserializer<Production> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            int cut = text.indexOf('\n');
            return new Production(text.substring(cut + 1), text.substring(0, cut));
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
