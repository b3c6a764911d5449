package io.omega.schemas.topic;

import io.omega.schemas.decode.RecordPosition;
import io.omega.schemas.serde.OmegaSerdes;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What a {@link TopicFollower} hands its records to when a reader wants values, not bytes: each followed topic is
 * decoded into its record type and given to that topic's handler. A record that can never be decoded is counted,
 * logged once with its position and skipped (the service that owns the topic dead-letters it); when the schema
 * registry cannot be asked the exception goes through to the follower, which reads the record again after a backoff,
 * so a view never silently misses a record for an outage.
 *
 * <pre>{@code
 * DecodingHandler handler = DecodingHandler.reading(serdes, "the dashboard")
 *         .on(Topics.REGISTRY_EVENTS, view::apply)
 *         .on(Topics.EVALUATIONS, view::apply)
 *         .build();
 * new TopicFollower(handler.topics(), bootstrapServers, clientId, handler).start("view");
 * }</pre>
 */
public final class DecodingHandler implements Consumer<ConsumerRecord<byte[], byte[]>> {

    private static final Logger LOG = LoggerFactory.getLogger(DecodingHandler.class);

    private final String reader;
    private final Map<String, Route<?>> routes;
    private final List<String> topicNames;
    private final AtomicLong skipped = new AtomicLong();

    private DecodingHandler(String reader, Map<String, Route<?>> routes) {
        this.reader = reader;
        this.routes = Map.copyOf(routes);
        this.topicNames = List.copyOf(routes.keySet());
    }

    /** {@code reader} names who reads, in the log line of a skipped record. */
    public static Builder reading(OmegaSerdes serdes, String reader) {
        return new Builder(serdes, reader);
    }

    /** The followed topics, in the order they were added. */
    public List<String> topics() {
        return topicNames;
    }

    /** Records skipped because they can never be decoded. */
    public long skipped() {
        return skipped.get();
    }

    @Override
    public void accept(ConsumerRecord<byte[], byte[]> record) {
        Route<?> route = routes.get(record.topic());
        if (route == null) {
            throw new IllegalStateException(reader + " follows " + topicNames + ", not " + record.topic());
        }
        hand(route, record);
    }

    private <V extends SpecificRecord> void hand(Route<V> route, ConsumerRecord<byte[], byte[]> record) {
        V value;
        try {
            value = route.decoder().decode(record);
        } catch (SerializationException e) {
            skipped.incrementAndGet();
            LOG.warn("{} skips an undecodable record: {}", reader, RecordPosition.of(record).describe(e.getMessage()));
            return;
        }
        route.handler().accept(value);
    }

    private record Route<V extends SpecificRecord>(TopicDecoder<V> decoder, Consumer<? super V> handler) {
    }

    public static final class Builder {
        private final OmegaSerdes serdes;
        private final String reader;
        private final Map<String, Route<?>> routes = new LinkedHashMap<>();

        private Builder(OmegaSerdes serdes, String reader) {
            this.serdes = serdes;
            this.reader = reader;
        }

        /** Hands each record of {@code topic} to {@code handler}, decoded. */
        public <V extends SpecificRecord> Builder on(TopicSpec<V> topic, Consumer<? super V> handler) {
            if (routes.containsKey(topic.name())) {
                throw new IllegalArgumentException(topic.name() + " is already handled");
            }
            routes.put(topic.name(), new Route<>(TopicDecoder.of(topic, serdes), handler));
            return this;
        }

        public DecodingHandler build() {
            if (routes.isEmpty()) {
                throw new IllegalStateException("a decoding handler needs at least one topic");
            }
            return new DecodingHandler(reader, routes);
        }
    }
}
