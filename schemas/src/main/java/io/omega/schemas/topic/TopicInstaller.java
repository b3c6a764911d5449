package io.omega.schemas.topic;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes a cluster hold the catalogue's topics: creates the missing ones with their configs and sets back any
 * catalogue config that differs on an existing topic (so {@code omega.registry-events} stays unexpiring even
 * if someone created it by hand). Running it twice changes nothing the second time.
 */
public final class TopicInstaller {

    /** What an installation did. */
    public record Result(List<String> created, List<String> alreadyPresent, Map<String, Map<String, String>> configsReset) {
        public Result {
            created = List.copyOf(created);
            alreadyPresent = List.copyOf(alreadyPresent);
            configsReset = Map.copyOf(configsReset);
        }
    }

    private final Admin admin;
    private final int configuredPartitions;
    private final short replicationFactor;
    private final Duration timeout;

    public TopicInstaller(Admin admin, int configuredPartitions, short replicationFactor, Duration timeout) {
        if (configuredPartitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, got " + configuredPartitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replication factor must be >= 1, got " + replicationFactor);
        }
        this.admin = admin;
        this.configuredPartitions = configuredPartitions;
        this.replicationFactor = replicationFactor;
        this.timeout = timeout;
    }

    public Result install(Collection<? extends TopicSpec<?>> topics) {
        Set<String> existing = await(admin.listTopics().names(), "list topics");
        List<String> created = new ArrayList<>();
        List<String> present = new ArrayList<>();
        List<TopicSpec<?>> toCheck = new ArrayList<>();
        Map<String, KafkaFuture<Void>> creations = new LinkedHashMap<>();

        List<NewTopic> missing = new ArrayList<>();
        for (TopicSpec<?> spec : topics) {
            if (existing.contains(spec.name())) {
                present.add(spec.name());
                toCheck.add(spec);
            } else {
                missing.add(new NewTopic(spec.name(), spec.partitions(configuredPartitions), replicationFactor)
                        .configs(spec.configs()));
            }
        }
        if (!missing.isEmpty()) {
            creations.putAll(admin.createTopics(missing).values());
        }
        for (Map.Entry<String, KafkaFuture<Void>> creation : creations.entrySet()) {
            try {
                creation.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                created.add(creation.getKey());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw failure("create topic " + creation.getKey(), e.getCause());
                }
                // Another installer won the race: treat it as any existing topic.
                present.add(creation.getKey());
                topics.stream().filter(t -> t.name().equals(creation.getKey())).forEach(toCheck::add);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("create topic " + creation.getKey(), e);
            } catch (TimeoutException e) {
                throw failure("create topic " + creation.getKey(), e);
            }
        }
        return new Result(created, present, resetDriftedConfigs(toCheck));
    }

    private Map<String, Map<String, String>> resetDriftedConfigs(List<TopicSpec<?>> specs) {
        if (specs.isEmpty()) {
            return Map.of();
        }
        List<ConfigResource> resources = specs.stream()
                .map(s -> new ConfigResource(ConfigResource.Type.TOPIC, s.name())).toList();
        Map<ConfigResource, Config> actual = await(admin.describeConfigs(resources).all(), "describe topic configs");

        Map<ConfigResource, Collection<AlterConfigOp>> changes = new LinkedHashMap<>();
        Map<String, Map<String, String>> reset = new TreeMap<>();
        for (TopicSpec<?> spec : specs) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
            Config config = actual.get(resource);
            List<AlterConfigOp> ops = new ArrayList<>();
            Map<String, String> changed = new TreeMap<>();
            spec.configs().forEach((key, wanted) -> {
                ConfigEntry entry = config.get(key);
                if (entry == null || !wanted.equals(entry.value())) {
                    ops.add(new AlterConfigOp(new ConfigEntry(key, wanted), AlterConfigOp.OpType.SET));
                    changed.put(key, wanted);
                }
            });
            if (!ops.isEmpty()) {
                changes.put(resource, ops);
                reset.put(spec.name(), changed);
            }
        }
        if (!changes.isEmpty()) {
            await(admin.incrementalAlterConfigs(changes).all(), "reset topic configs " + reset.keySet());
        }
        return reset;
    }

    private <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw failure(what, e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw failure(what, e);
        }
    }

    private static IllegalStateException failure(String what, Throwable cause) {
        return new IllegalStateException("cannot " + what + ": " + cause, cause);
    }
}
