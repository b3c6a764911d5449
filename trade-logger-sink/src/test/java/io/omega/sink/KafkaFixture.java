package io.omega.sink;

import io.omega.schemas.topic.TopicInstaller;
import io.omega.schemas.topic.Topics;
import io.omega.sink.decode.SinkTopic;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The experience topics on the shared test broker. Topics outlive a test, so each test starts its consumer
 * group at the topics' current end and only sees what it produced itself.
 */
final class KafkaFixture {

    static final int PARTITIONS = 3;

    private final String bootstrap;

    KafkaFixture(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    void installTopics() {
        try (Admin admin = admin()) {
            new TopicInstaller(admin, PARTITIONS, (short) 1, Duration.ofSeconds(30)).install(Topics.all());
        }
    }

    Map<TopicPartition, Long> endOffsets(List<String> topics) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (String topic : topics) {
                for (int p = 0; p < PARTITIONS; p++) {
                    request.put(new TopicPartition(topic, p), OffsetSpec.latest());
                }
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            for (var e : admin.listOffsets(request).all().get().entrySet()) {
                ListOffsetsResult.ListOffsetsResultInfo info = e.getValue();
                ends.put(e.getKey(), info.offset());
            }
            return ends;
        }
    }

    /** Commits the current end offsets of the sink's topics for {@code group}: it starts from now. */
    void startGroupAtEnd(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        endOffsets(SinkTopic.names()).forEach((tp, end) -> offsets.put(tp, new OffsetAndMetadata(end)));
        try (Admin admin = admin()) {
            admin.alterConsumerGroupOffsets(group, offsets).all().get();
        }
    }

    /** Whether {@code group} has committed everything up to {@code ends}. */
    boolean caughtUp(String group, Map<TopicPartition, Long> ends) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            for (var e : ends.entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                if ((c == null ? 0 : c.offset()) < e.getValue()) {
                    return false;
                }
            }
            return true;
        }
    }

    KafkaProducer<byte[], byte[]> rawProducer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Everything in {@code topic} from the given offsets to its current end. */
    List<ConsumerRecord<byte[], byte[]>> readFrom(String topic, Map<TopicPartition, Long> from) throws Exception {
        Map<TopicPartition, Long> ends = endOffsets(List.of(topic));
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>(ends.keySet());
            consumer.assign(parts);
            for (TopicPartition tp : parts) {
                consumer.seek(tp, from.getOrDefault(tp, 0L));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && !parts.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }
}
