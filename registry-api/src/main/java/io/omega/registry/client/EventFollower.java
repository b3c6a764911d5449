package io.omega.registry.client;

import io.omega.registry.model.RegistryState;
import io.omega.schemas.event.RegistryEvent;
import io.omega.schemas.decode.SchemaRegistryUnavailableException;
import io.omega.schemas.topic.TopicFollower;
import io.omega.schemas.topic.TopicDecoder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Follows the event log from its beginning, folding every committed event into a read-only {@link RegistryState},
 * then tells the listener. A replica of the registry's state that anyone may hold.
 */
final class EventFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventFollower.class);
    /** A call waits for its event: a quiet log's fetch must not be held long (the 22 ms command-to-event p99 rests on it). */
    private static final Duration FETCH_WAIT = Duration.ofMillis(20);

    private final TopicFollower follower;
    private final TopicDecoder<RegistryEvent> events;
    private final String threadName;
    private final RegistryState state = new RegistryState();
    private final Consumer<RegistryEvent> listener;
    private final AtomicLong unreadable = new AtomicLong();

    EventFollower(String bootstrapServers, String clientId, String topic, TopicDecoder<RegistryEvent> events,
                  Consumer<RegistryEvent> listener) {
        this.events = events;
        this.listener = listener;
        this.threadName = "omega-registry-events-" + clientId;
        this.follower = new TopicFollower(List.of(topic), bootstrapServers, clientId + "-events", FETCH_WAIT,
                this::handle);
    }

    /** Reads the log to its end; fails when the topic does not exist or cannot be read within {@code timeout}. */
    void start(Duration timeout) {
        follower.startAndAwaitCaughtUp(threadName, timeout);
    }

    RegistryState state() {
        return state;
    }

    long unreadable() {
        return unreadable.get();
    }

    private void handle(ConsumerRecord<byte[], byte[]> record) {
        RegistryEvent event;
        try {
            event = events.decode(record);
        } catch (SchemaRegistryUnavailableException e) {
            throw e; // not the event's fault: the follower reads it again once the registry answers
        } catch (RuntimeException e) {
            unreadable.incrementAndGet();
            LOG.error("unreadable registry event at {}-{}@{} skipped: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
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
        follower.close();
    }
}
