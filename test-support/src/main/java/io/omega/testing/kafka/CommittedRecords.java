package io.omega.testing.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Reads a topic from the beginning as an independent, read-committed consumer would, to check what a service
 * published: what it wrote in aborted transactions is never seen.
 */
public final class CommittedRecords {

    private static final Duration GIVE_UP = Duration.ofSeconds(60);

    private CommittedRecords() {
    }

    /**
     * The records of {@code topic} that {@code filter} keeps: polls until {@code expected} were seen (or 60 s
     * passed), then {@code settle} longer, so that a duplicate arriving late is still caught. With {@code expected}
     * 0 it reads for {@code settle} and returns what it saw (to show that nothing came).
     */
    public static List<ConsumerRecord<byte[], byte[]>> read(String bootstrapServers, String topic,
                                                            Predicate<ConsumerRecord<byte[], byte[]>> filter,
                                                            int expected, Duration settle) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(Set.of(topic));
            long deadline = System.nanoTime() + GIVE_UP.toNanos();
            long settleUntil = expected == 0 ? System.nanoTime() + settle.toNanos() : Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settleUntil)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    if (filter.test(r)) {
                        seen.add(r);
                    }
                }
                if (seen.size() >= expected && settleUntil == Long.MAX_VALUE) {
                    settleUntil = System.nanoTime() + settle.toNanos();
                }
            }
        }
        return seen;
    }

    /**
     * Every committed record of {@code topic}, partition by partition in offset order, read up to the end each
     * partition had when the call began (the last stable offset, for a read-committed reader): a snapshot of what a
     * finished run left on the topic.
     */
    public static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrapServers, String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, GIVE_UP).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist on " + bootstrapServers);
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, GIVE_UP);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + GIVE_UP.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp, GIVE_UP) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end " + end + " in " + GIVE_UP);
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    if (r.offset() < end.get(new TopicPartition(topic, r.partition()))) {
                        seen.add(r);
                    }
                }
            }
        }
        return seen;
    }
}
