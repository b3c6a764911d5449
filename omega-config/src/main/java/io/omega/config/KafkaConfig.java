package io.omega.config;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The {@code kafka} section: where the cluster is, how topics and the producer are set up, and how often the
 * controller's Kafka Streams applications commit ({@code streams_commit_interval_ms}: under exactly-once what one of
 * them writes is read downstream only after its commit, so this is the latency of each hop through a repartition
 * topic; Kafka Streams' own default is 100).
 */
public record KafkaConfig(String bootstrapServers, String clientIdPrefix, int topicPartitions, int replicationFactor,
                          PublisherConfig producer, Duration streamsCommitInterval) {

    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9._\\-\\[\\]:]+:(\\d{1,5})");
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]+");

    static KafkaConfig read(Section s) {
        String servers = s.string("bootstrap_servers", "127.0.0.1:9092");
        for (String server : servers.split(",", -1)) {
            var m = HOST_PORT.matcher(server.trim());
            if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(1)) > 65_535) {
                s.problem("bootstrap_servers", "expected a comma-separated list of host:port (port 1..65535), got '"
                        + servers + "'");
                break;
            }
        }
        String clientId = s.string("client_id_prefix", "omega");
        if (!CLIENT_ID.matcher(clientId).matches()) {
            s.problem("client_id_prefix", "may only contain letters, digits, '.', '_' and '-', got '" + clientId + "'");
        }
        return new KafkaConfig(servers, clientId,
                s.integer("topic_partitions", 3, 1, 1000),
                s.integer("replication_factor", 1, 1, 10),
                PublisherConfig.read(s.section("producer")),
                Duration.ofMillis(s.integer("streams_commit_interval_ms", 100, 1, 60_000)));
    }
}
