package io.omega.app.replay;

import io.omega.schemas.decode.SchemaRegistryUnavailableException;
import io.omega.schemas.dlq.DeadLetterRecord;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.schemas.topic.Topics;
import io.omega.sink.decode.EventDecoder;
import io.omega.sink.decode.SinkTopic;
import io.omega.store.ExperienceRow;
import io.omega.store.ExperienceStore;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The way back from an experience topic's dead-letter topic: re-publishes to the source topic the dead letters
 * that decode now (their schema was registered since, the registry has them again), unchanged but for the
 * dead-letter headers, so the sink writes them.
 *
 * <p>Each event lands once: a dead letter whose event id is already in the experience files (a record that
 * landed some other way, or was replayed before and written since) is left out, and so is a second dead letter
 * of the same event (dead letters are at least once). The check reads the files, so run it again only after the
 * sink has caught up with an earlier run. Nothing is published if the registry cannot be reached: every dead
 * letter is decoded before the first is sent.
 */
public final class DeadLetterReplay {

    /** What one run found and did. {@code undecodable} holds the reasons of dead letters that still do not decode. */
    public record Result(long deadLetters, long republished, long alreadyStored, long duplicates,
                         List<String> undecodable) {
    }

    private record Candidate(ExperienceRow row, ConsumerRecord<byte[], byte[]> source) {
    }

    private final String bootstrapServers;
    private final OmegaSerdes serdes;
    private final ExperienceStore store;

    public DeadLetterReplay(String bootstrapServers, OmegaSerdes serdes, Path dataDir) {
        this.bootstrapServers = bootstrapServers;
        this.serdes = serdes;
        this.store = new ExperienceStore(dataDir);
    }

    /** Re-publishes the dead letters of {@code sourceTopic} written at or after {@code since}. */
    public Result replay(String sourceTopic, Instant since, boolean dryRun) {
        SinkTopic topic = SinkTopic.of(sourceTopic).orElseThrow(() -> new IllegalArgumentException(
                "dead letters can be replayed for " + String.join(", ", SinkTopic.names()) + ", not " + sourceTopic));
        List<ConsumerRecord<byte[], byte[]>> deadLetters = read(Topics.deadLetterTopic(sourceTopic), since);
        Map<String, Candidate> byId = new LinkedHashMap<>();
        List<String> undecodable = new ArrayList<>();
        long duplicates = 0;
        try (EventDecoder decoder = new EventDecoder(serdes)) {
            for (ConsumerRecord<byte[], byte[]> letter : deadLetters) {
                ConsumerRecord<byte[], byte[]> source = asSource(letter, sourceTopic);
                try {
                    ExperienceRow row = decoder.decode(source);
                    if (byId.putIfAbsent(row.id(), new Candidate(row, source)) != null) {
                        duplicates++;
                    }
                } catch (EventDecoder.UndecodableRecordException e) {
                    undecodable.add(e.getMessage());
                } catch (SchemaRegistryUnavailableException e) {
                    throw new IllegalStateException("nothing re-published: " + e.getMessage(), e);
                }
            }
        }
        Set<String> stored = storedIds(topic, byId.values());
        List<Candidate> toSend = byId.values().stream().filter(c -> !stored.contains(c.row().id())).toList();
        if (!dryRun && !toSend.isEmpty()) {
            publish(sourceTopic, toSend);
        }
        return new Result(deadLetters.size(), toSend.size(), byId.size() - toSend.size(), duplicates,
                List.copyOf(undecodable));
    }

    /** The ids already in the files, over the days the candidates' events fall on. */
    private Set<String> storedIds(SinkTopic topic, java.util.Collection<Candidate> candidates) {
        Set<String> ids = new HashSet<>();
        Optional<LocalDate> first = candidates.stream().map(c -> day(c.row().eventTime())).min(LocalDate::compareTo);
        Optional<LocalDate> last = candidates.stream().map(c -> day(c.row().eventTime())).max(LocalDate::compareTo);
        if (first.isPresent()) {
            store.load(topic.kind(), first.get(), last.get()).requireComplete().rows().forEach(r -> ids.add(r.id()));
        }
        return ids;
    }

    private static LocalDate day(Instant time) {
        return LocalDate.ofInstant(time, ZoneOffset.UTC);
    }

    /** The record as it was on the source topic: the dead-letter headers go, the rest is unchanged. */
    private static ConsumerRecord<byte[], byte[]> asSource(ConsumerRecord<byte[], byte[]> letter, String sourceTopic) {
        RecordHeaders headers = new RecordHeaders();
        for (Header h : letter.headers()) {
            if (!h.key().startsWith("omega.dlq.")) {
                headers.add(h);
            }
        }
        int partition = DeadLetterRecord.header(letter.headers(), DeadLetterRecord.SOURCE_PARTITION)
                .map(Integer::parseInt).orElse(-1);
        long offset = DeadLetterRecord.header(letter.headers(), DeadLetterRecord.SOURCE_OFFSET)
                .map(Long::parseLong).orElse(-1L);
        return new ConsumerRecord<>(sourceTopic, partition, offset, letter.timestamp(), TimestampType.CREATE_TIME,
                letter.key() == null ? -1 : letter.key().length, letter.value() == null ? -1 : letter.value().length,
                letter.key(), letter.value(), headers, Optional.empty());
    }

    private List<ConsumerRecord<byte[], byte[]>> read(String dlqTopic, Instant since) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var infos = consumer.partitionsFor(dlqTopic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalArgumentException("topic " + dlqTopic + " does not exist");
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(dlqTopic, p.partition())).toList();
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(p -> query.put(p, since.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(query, Duration.ofSeconds(30));
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            consumer.assign(partitions);
            Map<TopicPartition, Long> remaining = new HashMap<>();
            for (TopicPartition p : partitions) {
                OffsetAndTimestamp start = starts.get(p);
                consumer.seek(p, start == null ? ends.get(p) : start.offset());
                if (start != null && start.offset() < ends.get(p)) {
                    remaining.put(p, ends.get(p));
                }
            }
            List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!remaining.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + dlqTopic + " to its end within 2 minutes");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() < remaining.getOrDefault(new TopicPartition(r.topic(), r.partition()), 0L)) {
                        out.add(r);
                    }
                }
                remaining.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
            return out;
        }
    }

    private void publish(String sourceTopic, List<Candidate> toSend) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer())) {
            int partitions = producer.partitionsFor(sourceTopic).size();
            for (Candidate c : toSend) {
                ConsumerRecord<byte[], byte[]> r = c.source();
                // Back to its own partition, so it keeps its place among its symbol's events.
                Integer partition = r.partition() >= 0 && r.partition() < partitions ? r.partition() : null;
                producer.send(new ProducerRecord<>(sourceTopic, partition, r.timestamp(), r.key(), r.value(), r.headers()));
            }
            producer.flush();
        }
    }
}
