package io.omega.schemas.topic;

import io.omega.testing.kafka.KafkaBrokerExtension;
import io.omega.testing.kafka.KafkaTestBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(KafkaBrokerExtension.class)
class TopicFollowerIT {

    private final String bootstrap;

    TopicFollowerIT(KafkaTestBroker kafka) {
        bootstrap = kafka.bootstrapServers();
    }

    @Test
    void returnsOnceEverythingThereAtStartIsHandledThenKeepsFollowing() throws Exception {
        String topic = "follow-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 37; i++) {
                producer.send(new ProducerRecord<>(topic, i % 3, null, "r" + i));
            }
            producer.flush();
            Set<String> seen = ConcurrentHashMap.newKeySet();
            try (TopicFollower follower = new TopicFollower(List.of(topic), bootstrap, "follower-it",
                    Duration.ofMillis(20), r -> seen.add(new String(r.value(), StandardCharsets.UTF_8)))) {
                follower.startAndAwaitCaughtUp("follower-it", Duration.ofSeconds(30));
                assertThat(follower.caughtUp()).isTrue();
                assertThat(seen).hasSize(37);
                for (int i = 37; i < 42; i++) {
                    producer.send(new ProducerRecord<>(topic, i % 3, null, "r" + i));
                }
                producer.flush();
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (seen.size() < 42 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(seen).hasSize(42);
            }
        }
    }

    @Test
    void aMissingTopicFailsAtOnceWithItsName() {
        String topic = "missing-" + UUID.randomUUID();
        TopicFollower follower = new TopicFollower(List.of(topic), bootstrap, "follower-missing", r -> { });
        long start = System.nanoTime();
        assertThatThrownBy(() -> follower.startAndAwaitCaughtUp("follower-missing", Duration.ofSeconds(20)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("topic " + topic + " does not exist; run `omega topics create`");
        follower.close(); // already closed by the failure: must not wait for a thread that never started
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }
}
