package io.omega.app.kafka;

import io.omega.config.KafkaConfig;
import io.omega.kafka.embedded.BrokerSettings;
import io.omega.kafka.embedded.EmbeddedKafkaBroker;
import io.omega.schemas.topic.TopicInstaller;
import io.omega.schemas.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.time.Duration;
import java.util.Map;

/** The embedded broker with the catalogue's topics installed: what {@code omega kafka} and the demo run. */
public final class StandaloneKafka implements AutoCloseable {

    private final EmbeddedKafkaBroker broker;
    private final TopicInstaller.Result topics;

    private StandaloneKafka(EmbeddedKafkaBroker broker, TopicInstaller.Result topics) {
        this.broker = broker;
        this.topics = topics;
    }

    public static StandaloneKafka start(BrokerSettings settings, KafkaConfig kafka) {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(settings);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            // One node holds one replica, whatever a deployed cluster is configured for.
            TopicInstaller installer = new TopicInstaller(admin, kafka.topicPartitions(), (short) 1, Duration.ofSeconds(30));
            return new StandaloneKafka(broker, installer.install(Topics.all()));
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public TopicInstaller.Result topics() {
        return topics;
    }

    @Override
    public void close() {
        broker.close();
    }
}
