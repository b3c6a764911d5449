package io.omega.controller.streams;

import io.omega.schemas.decode.DecodeFailures;
import io.omega.schemas.decode.RecordPosition;
import io.omega.schemas.dlq.DeadLetterRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A record the topology cannot decode goes, unchanged and with the error in headers, to {@code <topic>.dlq}, and
 * processing resumes: one bad outcome must not stop the watch over production.
 *
 * <p>Topics read into global stores are the exception: Kafka Streams' global thread cannot produce (returning
 * dead letters there kills the thread), and those topics belong to other services, which dead-letter what they
 * cannot read themselves. Such records are logged and skipped. The topics are named in {@link #GLOBAL_TOPICS}.
 *
 * <p>A record whose schema could not be fetched because the schema registry could not be reached is neither
 * dead-lettered nor skipped: after a backoff ({@link RegistryRetryBackoff}) the handler fails the thread, so
 * nothing past the record is committed, and {@link StreamsApp} replaces the stream thread, which reads the record
 * again. Kafka Streams cannot replace the global thread: on a global store's topic the client stops, and so does
 * the controller, with an error naming the registry, rather than run with a store that silently missed a record.
 */
public final class DeadLetterOnDecodeFailure implements DeserializationExceptionHandler {

    /** Configuration key: comma-separated topics read into global stores. */
    public static final String GLOBAL_TOPICS = "omega.dead-letter.global-topics";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterOnDecodeFailure.class);

    /** Waits between attempts; a seam so tests need not sleep. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final RegistryRetryBackoff backoff;
    private final Sleeper sleeper;
    private Set<String> globalTopics = Set.of();

    public DeadLetterOnDecodeFailure() {
        this(RegistryRetryBackoff.SHARED, d -> Thread.sleep(d.toMillis()));
    }

    DeadLetterOnDecodeFailure(RegistryRetryBackoff backoff, Sleeper sleeper) {
        this.backoff = backoff;
        this.sleeper = sleeper;
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        RecordPosition at = RecordPosition.of(record);
        if (DecodeFailures.isTransient(exception)) {
            Duration wait = backoff.next(new TopicPartition(record.topic(), record.partition()), System.currentTimeMillis());
            LOG.warn("cannot decode {} now: the schema registry cannot be reached; the thread fails after {} ms and "
                    + "its replacement reads the record again: {}", at, wait.toMillis(), exception.getMessage());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Response.fail();
        }
        if (globalTopics.contains(record.topic())) {
            LOG.warn("cannot decode {}, skipped (a global store's topic; its owner dead-letters it): {}", at,
                    exception.getMessage());
            return Response.resume();
        }
        LOG.warn("cannot decode {}, sent to {}.dlq: {}", at, record.topic(), exception.getMessage());
        return Response.resume(List.of(DeadLetterRecord.of(record, exception)));
    }

    @Override
    public void configure(Map<String, ?> configs) {
        Object topics = configs.get(GLOBAL_TOPICS);
        if (topics != null && !topics.toString().isBlank()) {
            globalTopics = Arrays.stream(topics.toString().split(",")).map(String::trim).collect(Collectors.toSet());
        }
    }
}
