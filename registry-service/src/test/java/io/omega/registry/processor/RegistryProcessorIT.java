package io.omega.registry.processor;

import io.omega.registry.CommandStorm;
import io.omega.registry.ReferenceRegistry;
import io.omega.registry.RegistryHarness;
import io.omega.registry.RegistryInvariants;
import io.omega.registry.TestArtifacts;
import io.omega.registry.client.ModelRegistration;
import io.omega.registry.client.RegistryClient;
import io.omega.registry.client.RegistryCommands;
import io.omega.registry.model.RegistryState;
import io.omega.schemas.event.RegistryCommand;
import io.omega.schemas.event.RegistryEvent;
import io.omega.schemas.event.RegistryEventType;
import io.omega.testing.kafka.KafkaBrokerExtension;
import io.omega.testing.kafka.KafkaTestBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(KafkaBrokerExtension.class)
class RegistryProcessorIT {

    private static final RegistryCommands COMMANDS = new RegistryCommands(Clock.systemUTC());

    private final String bootstrap;

    @TempDir
    Path dataDir;

    RegistryProcessorIT(KafkaTestBroker kafka) {
        this.bootstrap = kafka.bootstrapServers();
    }

    @Test
    void aStormOnTheBrokerGetsOneEventPerCommandAndAReplayOrRestartGivesTheSameState() throws Exception {
        RegistryHarness registry = new RegistryHarness(bootstrap, dataDir);
        CommandStorm storm = new CommandStorm(new TestArtifacts(dataDir));
        Random random = new Random(20250124);
        List<CommandStorm.Step> steps = new ArrayList<>();
        List<RegistryCommand> commands = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            CommandStorm.Step step = CommandStorm.randomStep(random);
            steps.add(step);
            commands.add(storm.command(step, "storm"));
        }

        RegistryProcessor processor = registry.startProcessor();
        try (RegistryClient client = registry.client("storm")) {
            // Pipelined from one producer into one partition: processed in this order.
            List<CompletableFuture<RegistryEvent>> answers = commands.stream().map(client::submit).toList();
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

            List<RegistryEvent> log = registry.events();
            assertThat(log).hasSize(300);
            assertThat(log).extracting(RegistryEvent::getCommandId)
                    .containsExactlyElementsOf(commands.stream().map(RegistryCommand::getId).toList());
            ReferenceRegistry reference = new ReferenceRegistry();
            for (int i = 0; i < 300; i++) {
                assertThat(log.get(i).getEventType()).as("answer to command %d, %s", i, steps.get(i))
                        .isEqualTo(reference.expect(commands.get(i), steps.get(i).artifact() == 0));
                assertThat(answers.get(i).get().getId()).isEqualTo(log.get(i).getId());
            }
            assertThat(log).extracting(RegistryEvent::getEventType).contains(RegistryEventType.PROMOTED,
                    RegistryEventType.ROLLED_BACK, RegistryEventType.ARCHIVED, RegistryEventType.REJECTED);

            RegistryState replayed = registry.replayCheckingEveryStep();
            assertThat(client.state().snapshot()).isEqualTo(replayed.snapshot());
            assertThat(processor.state().snapshot()).isEqualTo(replayed.snapshot());

            processor.close();
            RegistryProcessor restarted = registry.startProcessor();
            try {
                assertThat(restarted.state().snapshot()).isEqualTo(replayed.snapshot());
                assertThat(restarted.state().answeredCommands()).hasSize(300);

                RegistryCommand next = COMMANDS.rollback("cnn", "after-restart", "check");
                RegistryEventType expected = reference.expect(next, true);
                assertThat(client.execute(next).getEventType()).isEqualTo(expected);
                try (RegistryClient fresh = registry.client("fresh")) {
                    assertThat(fresh.state().snapshot()).isEqualTo(client.state().snapshot());
                    assertThat(fresh.state().eventsApplied()).isEqualTo(301);
                }
            } finally {
                restarted.close();
            }
        } finally {
            processor.close();
        }
    }

    @Test
    void twoClientsPromotingAndRollingBackConcurrentlyEachGetExactlyOneEventPerCommand() throws Exception {
        RegistryHarness registry = new RegistryHarness(bootstrap, dataDir);
        TestArtifacts artifacts = new TestArtifacts(dataDir);
        int perClient = 60;
        try (RegistryProcessor processor = registry.startProcessor();
             RegistryClient a = registry.client("a");
             RegistryClient b = registry.client("b")) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<List<RegistryCommand>>> sent = new ArrayList<>();
            int t = 0;
            for (RegistryClient client : List.of(a, b)) {
                int thread = t++;
                sent.add(pool.submit(() -> {
                    Random random = new Random(thread);
                    List<RegistryCommand> mine = new ArrayList<>();
                    List<String> versions = new ArrayList<>();
                    for (int i = 0; i < perClient; i++) {
                        int dice = random.nextInt(10);
                        RegistryCommand command;
                        if (dice < 3 || versions.isEmpty()) {
                            String version = String.format("20250124_%02d%02d%02d", 10 + thread, i / 60, i % 60);
                            TestArtifacts.Artifact artifact = artifacts.write("cnn", version);
                            versions.add(version);
                            command = COMMANDS.register(new ModelRegistration("cnn", version, artifact.uri(),
                                    artifact.sha256(), Map.of(), Map.of("win_rate", 50.0 + i), null, null),
                                    "client-" + thread, "trained");
                        } else if (dice < 7) {
                            command = COMMANDS.promote("cnn", versions.get(random.nextInt(versions.size())),
                                    "client-" + thread, "better");
                        } else {
                            command = COMMANDS.rollback("cnn", "client-" + thread, "worse");
                        }
                        mine.add(command);
                        RegistryEvent event = client.execute(command);
                        assertThat(event.getCommandId()).isEqualTo(command.getId());
                    }
                    return mine;
                }));
            }
            Map<String, RegistryCommand> byId = new HashMap<>();
            for (Future<List<RegistryCommand>> f : sent) {
                f.get(120, TimeUnit.SECONDS).forEach(c -> byId.put(c.getId(), c));
            }
            pool.shutdown();

            List<RegistryEvent> log = registry.events();
            assertThat(byId).hasSize(2 * perClient);
            assertThat(log).hasSize(2 * perClient);
            Map<String, Long> perCommand = log.stream()
                    .collect(Collectors.groupingBy(RegistryEvent::getCommandId, Collectors.counting()));
            assertThat(perCommand.keySet()).isEqualTo(byId.keySet());
            assertThat(perCommand.values()).containsOnly(1L);

            // The log's order is the order commands were decided in: the reference, fed in that order, agrees.
            ReferenceRegistry reference = new ReferenceRegistry();
            for (RegistryEvent event : log) {
                assertThat(event.getEventType()).as("answer to %s", event.getCommandId())
                        .isEqualTo(reference.expect(byId.get(event.getCommandId()), true));
            }
            assertThat(log).extracting(RegistryEvent::getEventType)
                    .contains(RegistryEventType.PROMOTED, RegistryEventType.ROLLED_BACK);
            RegistryState replayed = registry.replayCheckingEveryStep();
            // Each client has its own answers; the other's last events may still be on their way to its replica.
            awaitApplied(a.state(), log.size());
            awaitApplied(b.state(), log.size());
            assertThat(a.state().snapshot()).isEqualTo(replayed.snapshot());
            assertThat(b.state().snapshot()).isEqualTo(replayed.snapshot());
            assertThat(RegistryInvariants.productionChain(replayed.type("cnn"))).isEqualTo(reference.productionChain("cnn"));
        }
    }

    @Test
    void anUnreadableCommandGoesToTheDeadLetterTopicUnchangedAndARepeatedCommandIsAnsweredOnce() throws Exception {
        RegistryHarness registry = new RegistryHarness(bootstrap, dataDir);
        byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);
        try (RegistryProcessor processor = registry.startProcessor();
             RegistryClient client = registry.client("dlq");
             KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(registry.topics().commands(), "cnn", garbage)).get();
            RegistryCommand rollback = COMMANDS.rollback("cnn", "ops", "test");
            byte[] encoded = registry.serdes().valueSerializer(RegistryCommand.class)
                    .serialize(registry.topics().commands(), rollback);
            raw.send(new ProducerRecord<>(registry.topics().commands(), "cnn", encoded)).get();
            raw.send(new ProducerRecord<>(registry.topics().commands(), "cnn", encoded)).get();

            RegistryEvent answer = client.execute(COMMANDS.archive("cnn", "20250124_120000", "ops", "marker"));
            assertThat(answer.getReason()).isEqualTo("cnn 20250124_120000 is not registered");

            List<RegistryEvent> log = registry.events();
            assertThat(log).extracting(RegistryEvent::getCommandId).containsExactly(rollback.getId(), answer.getCommandId());
            assertThat(log.get(0).getReason()).isEqualTo("cnn has no production version to roll back from");

            List<ConsumerRecord<String, byte[]>> dead = readAll(registry.topics().commandsDeadLetter(), 1);
            assertThat(dead).hasSize(1);
            assertThat(dead.get(0).value()).isEqualTo(garbage);
            assertThat(dead.get(0).key()).isEqualTo("cnn");
            assertThat(header(dead.get(0), "omega.error")).contains("not in the schema-registry wire format");
            assertThat(header(dead.get(0), "omega.source.topic")).isEqualTo(registry.topics().commands());
            assertThat(header(dead.get(0), "omega.source.offset")).isEqualTo("0");
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private List<ConsumerRecord<String, byte[]>> readAll(String topic, int expected) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            // Anything beyond what we expect would show up within a short extra poll.
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            return records;
        }
    }


    private static void awaitApplied(RegistryState state, long events) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (state.eventsApplied() < events && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(state.eventsApplied()).as("events the replica applied").isEqualTo(events);
    }
}
