package io.omega.experience.publish;

/** One record on its way to a topic. */
public record Envelope<V>(String topic, String key, V value) {
}
