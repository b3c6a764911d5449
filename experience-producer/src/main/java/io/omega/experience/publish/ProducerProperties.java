package io.omega.experience.publish;

import io.omega.config.KafkaConfig;
import io.omega.config.PublisherConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.util.HashMap;
import java.util.Map;

/** Kafka producer settings for experiences: idempotent, acks=all, retried until the broker takes them. */
public final class ProducerProperties {

    private ProducerProperties() {
    }

    public static Map<String, Object> forExperiences(KafkaConfig kafka, String clientId) {
        PublisherConfig publisher = kafka.producer();
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        // Never give up on a record once handed over: an outage is waited out, and idempotence keeps retries
        // from writing twice. The publisher's own queue bounds how much waits meanwhile.
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000);
        // Only the publisher's thread ever waits here, and only this long, before it holds the record itself.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_000);
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, publisher.compressionType().kafkaName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, publisher.lingerMs());
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, publisher.batchSizeBytes());
        return props;
    }
}
