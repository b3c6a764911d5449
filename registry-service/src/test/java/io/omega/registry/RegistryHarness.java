package io.omega.registry;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omega.config.OmegaConfig;
import io.omega.registry.client.ClientSettings;
import io.omega.registry.client.RegistryClient;
import io.omega.registry.client.RegistryTopics;
import io.omega.registry.command.CommandDecider;
import io.omega.registry.command.DataDirArtifactVerifier;
import io.omega.registry.metrics.RegistryMetrics;
import io.omega.registry.model.RegistryState;
import io.omega.registry.processor.EventLogReader;
import io.omega.registry.processor.ProcessorSettings;
import io.omega.registry.processor.RegistryProcessor;
import io.omega.schemas.event.RegistryCommand;
import io.omega.schemas.event.RegistryEvent;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.schemas.topic.TopicDecoder;
import io.omega.schemas.topic.TopicInstaller;
import io.omega.schemas.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A registry on the shared test broker, on topics of its own; one schema-registry client for all its parts. */
public final class RegistryHarness {

    private final String bootstrap;
    private final Path dataDir;
    private final RegistryTopics topics;
    private final OmegaSerdes serdes = new OmegaSerdes(OmegaConfig.defaults().schemaRegistry());
    private final RegistryMetrics metrics = new RegistryMetrics(new SimpleMeterRegistry());

    public RegistryHarness(String bootstrap, Path dataDir) {
        this.bootstrap = bootstrap;
        this.dataDir = dataDir;
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        this.topics = new RegistryTopics("test.registry-commands." + suffix, "test.registry-events." + suffix);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            new TopicInstaller(admin, 1, (short) 1, Duration.ofSeconds(30)).install(topics.specs());
        }
    }

    public RegistryTopics topics() {
        return topics;
    }

    public OmegaSerdes serdes() {
        return serdes;
    }

    public RegistryProcessor startProcessor() {
        return RegistryProcessor.start(ProcessorSettings.of(bootstrap, "test", topics),
                new CommandDecider(new DataDirArtifactVerifier(dataDir), Clock.systemUTC()), metrics,
                TopicDecoder.of(Topics.REGISTRY_COMMANDS, serdes), serdes.valueSerializer(RegistryEvent.class),
                TopicDecoder.of(Topics.REGISTRY_EVENTS, serdes), Duration.ofSeconds(60));
    }

    public RegistryClient client(String name) {
        return RegistryClient.start(new ClientSettings(bootstrap, "test-" + name, topics, Duration.ofSeconds(30)),
                serdes.valueSerializer(RegistryCommand.class), TopicDecoder.of(Topics.REGISTRY_EVENTS, serdes), metrics,
                Duration.ofSeconds(60));
    }

    /** Every committed event of the log, in order. */
    public List<RegistryEvent> events() {
        List<RegistryEvent> events = new ArrayList<>();
        new EventLogReader(bootstrap, "test-reader", TopicDecoder.of(Topics.REGISTRY_EVENTS, serdes))
                .replay(topics.events(), events::add, Duration.ofSeconds(60));
        return events;
    }

    /** A fresh state folded from the log, checking the invariants after every event. */
    public RegistryState replayCheckingEveryStep() {
        RegistryState state = new RegistryState();
        for (RegistryEvent event : events()) {
            state.apply(event);
            RegistryInvariants.check(state.type(event.getModelType()));
        }
        return state;
    }
}
