package io.omega.registry.processor;

import io.omega.schemas.decode.RegistryOutagePause;
import io.omega.schemas.decode.SchemaRegistryUnavailableException;
import io.omega.schemas.event.RegistryEvent;
import io.omega.schemas.topic.TopicDecoder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the registry's event log from its first record to its last committed one. A record that cannot be read is
 * a corrupt source of truth: the reader stops with its offset rather than build a wrong state.
 */
public final class EventLogReader {

    private final String bootstrapServers;
    private final String clientId;
    private final TopicDecoder<RegistryEvent> events;

    public EventLogReader(String bootstrapServers, String clientId, TopicDecoder<RegistryEvent> events) {
        this.bootstrapServers = bootstrapServers;
        this.clientId = clientId;
        this.events = events;
    }

    /** Hands every committed event of {@code topic}, in order, to {@code sink}; returns how many. */
    public long replay(String topic, Consumer<RegistryEvent> sink, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long count = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist; run `omega topics create`");
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // Under read_committed the end offset is the last stable offset: nothing committed lies beyond it.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            RegistryOutagePause registryOutage = new RegistryOutagePause(consumer, Clock.systemUTC());
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("replaying " + topic + " took longer than " + timeout);
                }
                registryOutage.resumeDue();
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (registryOutage.isPaused(record)) {
                        continue;
                    }
                    RegistryEvent event;
                    try {
                        event = events.decode(record);
                    } catch (SchemaRegistryUnavailableException e) {
                        // State must include every event: wait for the registry (within the replay's timeout).
                        registryOutage.retryLater(record, e);
                        continue;
                    } catch (RuntimeException e) {
                        throw new IllegalStateException("cannot read registry event at " + record.topic() + "-"
                                + record.partition() + "@" + record.offset() + ": " + e.getMessage(), e);
                    }
                    sink.accept(event);
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
