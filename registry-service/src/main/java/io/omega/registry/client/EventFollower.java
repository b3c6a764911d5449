package io.omega.registry.client;

import io.omega.registry.model.RegistryState;
import io.omega.schemas.event.RegistryEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Follows the event log from its beginning, folding every committed event into a read-only {@link RegistryState},
 * then tells the listener. A replica of the registry's state that anyone may hold.
 */
final class EventFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventFollower.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Deserializer<RegistryEvent> deserializer;
    private final String topic;
    private final RegistryState state = new RegistryState();
    private final Consumer<RegistryEvent> listener;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final AtomicLong unreadable = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    EventFollower(String bootstrapServers, String clientId, String topic, Deserializer<RegistryEvent> deserializer,
                  Consumer<RegistryEvent> listener) {
        this.topic = topic;
        this.deserializer = deserializer;
        this.listener = listener;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-events",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "omega-registry-events-" + clientId);
        this.thread.setDaemon(true);
    }

    void start(Duration timeout) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        if (partitions.isEmpty()) {
            consumer.close();
            throw new IllegalStateException("topic " + topic + " does not exist; run `omega topics create`");
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        thread.start();
        try {
            if (!awaitCaughtUp(end, timeout)) {
                close();
                throw new IllegalStateException("could not read " + topic + " to its end within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while reading " + topic, e);
        }
    }

    private volatile Map<TopicPartition, Long> endAtStart;

    private boolean awaitCaughtUp(Map<TopicPartition, Long> end, Duration timeout) throws InterruptedException {
        endAtStart = end;
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    RegistryState state() {
        return state;
    }

    long unreadable() {
        return unreadable.get();
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    handle(record);
                }
                Map<TopicPartition, Long> end = endAtStart;
                if (caughtUp.getCount() > 0 && end != null
                        && end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    caughtUp.countDown();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("registry event follower for {} stopped: {}", topic, e.getMessage(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        RegistryEvent event;
        try {
            event = deserializer.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            unreadable.incrementAndGet();
            LOG.error("unreadable registry event at {}-{}@{} skipped: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        if (event == null) {
            unreadable.incrementAndGet();
            return;
        }
        try {
            state.apply(event);
        } catch (IllegalStateException e) {
            unreadable.incrementAndGet();
            LOG.error("registry event at {}-{}@{} skipped: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return;
        }
        listener.accept(event);
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        if (thread.isAlive()) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (thread.getState() == Thread.State.NEW) {
            consumer.close();
        }
    }
}
