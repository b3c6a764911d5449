package io.omega.schemas.exactlyonce;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * Publishes what a worker decided about one consumed record together with that record's offset, in one
 * transaction: either both are visible to read-committed readers, or neither is and the record is read again.
 */
public final class SourceTransaction {

    private static final Logger LOG = LoggerFactory.getLogger(SourceTransaction.class);

    private final Producer<byte[], byte[]> producer;
    private final Consumer<byte[], byte[]> consumer;
    private final String owner;

    /** {@code owner} names the worker in the error raised when its producer can no longer write. */
    public SourceTransaction(Producer<byte[], byte[]> producer, Consumer<byte[], byte[]> consumer, String owner) {
        this.producer = producer;
        this.consumer = consumer;
        this.owner = owner;
    }

    /**
     * Sends {@code outputs} and commits {@code source}'s offset. True when committed; false when the transaction
     * was aborted (the caller rewinds as its state requires). A fenced producer, or one that can no longer write,
     * is fatal: it throws.
     */
    public boolean publish(ConsumerRecord<byte[], byte[]> source, List<ProducerRecord<byte[], byte[]>> outputs) {
        TopicPartition partition = new TopicPartition(source.topic(), source.partition());
        try {
            producer.beginTransaction();
            outputs.forEach(producer::send);
            producer.sendOffsetsToTransaction(Map.of(partition, new OffsetAndMetadata(source.offset() + 1)),
                    consumer.groupMetadata());
            producer.commitTransaction();
            return true;
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
            throw new IllegalStateException("the " + owner + "'s producer can no longer write: " + e.getMessage(), e);
        } catch (KafkaException e) {
            LOG.warn("could not commit the outcome of {}-{}@{}, will read it again: {}", source.topic(),
                    source.partition(), source.offset(), e.toString());
            producer.abortTransaction();
            return false;
        }
    }
}
