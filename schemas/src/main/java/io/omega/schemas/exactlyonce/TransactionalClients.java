package io.omega.schemas.exactlyonce;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.time.Duration;
import java.util.Map;

/**
 * The client settings of a consume-decide-produce worker (the trainer, the evaluator): a read-committed consumer
 * that never commits by itself, and a transactional producer that commits the consumer's offsets with its output.
 */
public final class TransactionalClients {

    private TransactionalClients() {
    }

    public static Map<String, Object> consumer(String bootstrapServers, String groupId, String clientId,
                                               int maxPollRecords, Duration maxPollInterval) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords,
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) maxPollInterval.toMillis());
    }

    public static Map<String, Object> producer(String bootstrapServers, String clientId) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                // Unique per process: with the group metadata sent in each transaction (KIP-447), a zombie worker
                // is fenced by the group generation, not by a fixed transactional id.
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, clientId,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all");
    }
}
