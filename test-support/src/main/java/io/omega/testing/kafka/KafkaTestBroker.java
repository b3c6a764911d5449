package io.omega.testing.kafka;

/** The real Kafka broker a test talks to. */
public interface KafkaTestBroker {

    /** Address for {@code bootstrap.servers}. */
    String bootstrapServers();

    /** How the broker runs: {@code testcontainers} or {@code in-jvm}. */
    String kind();
}
