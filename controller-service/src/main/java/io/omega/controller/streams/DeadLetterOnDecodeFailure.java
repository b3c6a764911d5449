package io.omega.controller.streams;

import io.omega.schemas.dlq.DeadLetterRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * A record the topology cannot decode goes, unchanged and with the error in headers, to {@code <topic>.dlq}, and
 * processing resumes: one bad outcome must not stop the watch over production.
 */
public final class DeadLetterOnDecodeFailure implements DeserializationExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterOnDecodeFailure.class);

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        LOG.warn("cannot decode {}-{}@{}, sent to {}.dlq: {}", record.topic(), record.partition(), record.offset(),
                record.topic(), exception.getMessage());
        return Response.resume(List.of(DeadLetterRecord.of(record, exception)));
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure
    }
}
