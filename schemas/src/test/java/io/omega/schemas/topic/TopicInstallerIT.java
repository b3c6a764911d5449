package io.omega.schemas.topic;

import io.omega.testing.kafka.KafkaBrokerExtension;
import io.omega.testing.kafka.KafkaTestBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(KafkaBrokerExtension.class)
class TopicInstallerIT {

    private final Admin admin;

    TopicInstallerIT(KafkaTestBroker kafka) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    @AfterEach
    void close() {
        admin.close();
    }

    /** The catalogue's topics under a unique prefix, so this test owns what it checks on a shared broker. */
    private static List<TopicSpec<?>> prefixed(String prefix) {
        return Topics.all().stream()
                .<TopicSpec<?>>map(t -> t.renamed(prefix + t.name()))
                .toList();
    }

    @Test
    void createsEveryTopicOnceWithItsConfigsAndPartitions() throws Exception {
        String prefix = "it" + UUID.randomUUID().toString().substring(0, 8) + ".";
        List<TopicSpec<?>> specs = prefixed(prefix);
        TopicInstaller installer = new TopicInstaller(admin, 3, (short) 1, Duration.ofSeconds(30));

        TopicInstaller.Result first = installer.install(specs);
        assertThat(first.created()).hasSize(18);
        assertThat(first.alreadyPresent()).isEmpty();

        TopicInstaller.Result second = installer.install(specs);
        assertThat(second.created()).isEmpty();
        assertThat(second.alreadyPresent()).hasSize(18);
        assertThat(second.configsReset()).isEmpty();

        Map<String, TopicDescription> described = admin.describeTopics(
                specs.stream().map(TopicSpec::name).collect(Collectors.toSet())).allTopicNames().get();
        assertThat(described.get(prefix + "omega.decisions").partitions()).hasSize(3);
        assertThat(described.get(prefix + "omega.decisions.dlq").partitions()).hasSize(3);
        assertThat(described.get(prefix + "omega.registry-events").partitions()).hasSize(1);
        assertThat(described.get(prefix + "omega.registry-commands").partitions()).hasSize(1);

        Map<String, String> events = topicConfig(prefix + "omega.registry-events");
        assertThat(events.get("retention.ms")).isEqualTo("-1");
        assertThat(events.get("retention.bytes")).isEqualTo("-1");
        assertThat(events.get("cleanup.policy")).isEqualTo("delete");
        assertThat(topicConfig(prefix + "omega.decisions").get("retention.ms")).isEqualTo("604800000");
    }

    @Test
    void setsBackAConfigSomeoneChangedByHand() throws Exception {
        String prefix = "drift" + UUID.randomUUID().toString().substring(0, 8) + ".";
        List<TopicSpec<?>> specs = prefixed(prefix).stream()
                .filter(t -> t.name().endsWith("omega.registry-events")).toList();
        TopicInstaller installer = new TopicInstaller(admin, 3, (short) 1, Duration.ofSeconds(30));
        installer.install(specs);
        String topic = prefix + "omega.registry-events";
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        admin.incrementalAlterConfigs(Map.of(resource, List.of(
                new AlterConfigOp(new ConfigEntry("retention.ms", "60000"), AlterConfigOp.OpType.SET)))).all().get();

        TopicInstaller.Result result = installer.install(specs);

        assertThat(result.configsReset()).isEqualTo(Map.of(topic, Map.of("retention.ms", "-1")));
        assertThat(topicConfig(topic).get("retention.ms")).isEqualTo("-1");
    }

    @Test
    void everyRecordTopicHasItsDeadLetterTopic() {
        Set<String> names = Topics.all().stream().map(TopicSpec::name).collect(Collectors.toSet());
        assertThat(Topics.recordTopics()).hasSize(9);
        assertThat(Topics.all()).hasSize(18);
        Topics.recordTopics().forEach(t -> assertThat(names).contains(t.name() + ".dlq"));
        assertThat(Topics.byName("omega.outcomes.dlq").orElseThrow().valueType()).isEqualTo(byte[].class);
        assertThat(Topics.byName("omega.outcomes").orElseThrow().isDeadLetter()).isFalse();
    }

    private Map<String, String> topicConfig(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource).entries().stream()
                .collect(Collectors.toMap(ConfigEntry::name, e -> e.value() == null ? "" : e.value()));
    }
}
