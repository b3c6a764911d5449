package io.omega.controller.streams;

import io.omega.schemas.dlq.DeadLetterRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 */
public final class DeadLetterOnDecodeFailure implements DeserializationExceptionHandler {

    /** Configuration key: comma-separated topics read into global stores. */
    public static final String GLOBAL_TOPICS = "omega.dead-letter.global-topics";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterOnDecodeFailure.class);

    private Set<String> globalTopics = Set.of();

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (globalTopics.contains(record.topic())) {
            LOG.warn("cannot decode {}-{}@{}, skipped (a global store's topic; its owner dead-letters it): {}",
                    record.topic(), record.partition(), record.offset(), exception.getMessage());
            return Response.resume();
        }
        LOG.warn("cannot decode {}-{}@{}, sent to {}.dlq: {}", record.topic(), record.partition(), record.offset(),
                record.topic(), exception.getMessage());
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
