package io.omega.app.topics;

import io.omega.app.ConfigOption;
import io.omega.config.OmegaConfig;
import io.omega.schemas.topic.TopicInstaller;
import io.omega.schemas.topic.TopicSpec;
import io.omega.schemas.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** {@code omega topics list|create}: the topic catalogue against a cluster. */
@Command(name = "topics", description = "OMEGA's topics on a Kafka cluster.",
        subcommands = {TopicsCommand.ListTopics.class, TopicsCommand.CreateTopics.class})
public final class TopicsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options shared by both subcommands. */
    static final class ClusterOptions {
        @Mixin
        ConfigOption config;

        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
                description = "Cluster to talk to (default: kafka.bootstrap_servers from the configuration).")
        String bootstrapServers;

        Admin admin(OmegaConfig omega) {
            String servers = bootstrapServers != null ? bootstrapServers : omega.kafka().bootstrapServers();
            return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000));
        }
    }

    @Command(name = "list", description = "List the catalogue's topics and whether the cluster has them.")
    static final class ListTopics implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ClusterOptions cluster;

        @Override
        public Integer call() throws Exception {
            OmegaConfig omega = cluster.config.load();
            PrintWriter out = spec.commandLine().getOut();
            try (Admin admin = cluster.admin(omega)) {
                Set<String> present = admin.listTopics().names().get(15, TimeUnit.SECONDS);
                Map<String, TopicDescription> described = admin.describeTopics(
                        Topics.all().stream().map(TopicSpec::name).filter(present::contains).toList())
                        .allTopicNames().get(15, TimeUnit.SECONDS);
                out.printf("%-32s %-10s %-12s %-16s %s%n", "TOPIC", "PARTITIONS", "KEY", "VALUE", "RETENTION");
                for (TopicSpec<?> topic : Topics.all()) {
                    TopicDescription d = described.get(topic.name());
                    out.printf("%-32s %-10s %-12s %-16s %s%n", topic.name(),
                            d == null ? "missing" : String.valueOf(d.partitions().size()),
                            topic.keyMeaning(), topic.valueType().getSimpleName(),
                            retention(topic.configs().get("retention.ms")));
                }
                long missing = Topics.all().stream().filter(t -> !present.contains(t.name())).count();
                out.printf("%d of %d topics present%s%n", Topics.all().size() - missing, Topics.all().size(),
                        missing > 0 ? "; run `omega topics create` to install the rest" : "");
                return missing > 0 ? 1 : 0;
            }
        }

        private static String retention(String millis) {
            if (millis == null || "-1".equals(millis)) {
                return "forever";
            }
            return Duration.ofMillis(Long.parseLong(millis)).toDays() + " days";
        }
    }

    @Command(name = "create", description = "Create missing topics with their configs; reset drifted configs. Idempotent.")
    static final class CreateTopics implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ClusterOptions cluster;

        @Override
        public Integer call() {
            OmegaConfig omega = cluster.config.load();
            PrintWriter out = spec.commandLine().getOut();
            try (Admin admin = cluster.admin(omega)) {
                TopicInstaller.Result result = new TopicInstaller(admin, omega.kafka().topicPartitions(),
                        (short) omega.kafka().replicationFactor(), Duration.ofSeconds(30)).install(Topics.all());
                result.created().forEach(t -> out.println("created  " + t));
                result.configsReset().forEach((t, c) -> out.println("reset    " + t + " " + c));
                out.printf("%d created, %d already present, %d with configs reset%n", result.created().size(),
                        result.alreadyPresent().size(), result.configsReset().size());
                return 0;
            }
        }
    }
}
