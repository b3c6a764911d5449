package io.omega.registry.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The floor under the registry's latency: a record sent to a topic, copied by a plain (non-transactional) consumer and
 * producer to a second topic, and read back. Same broker, same acks, one partition each; no decoding, no decisions,
 * no transactions.
 */
final class EchoRoundTrip implements AutoCloseable {

    private final KafkaProducer<String, String> sender;
    private final KafkaConsumer<String, String> receiver;
    private final Thread echo;
    private volatile boolean running = true;
    private KafkaConsumer<String, String> echoConsumer;
    private long sequence;

    EchoRoundTrip(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic("bench.echo-in", 1, (short) 1), new NewTopic("bench.echo-out", 1, (short) 1)))
                    .all().get();
        }
        Map<String, Object> producer = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0);
        Map<String, Object> consumer = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        sender = new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer());
        receiver = new KafkaConsumer<>(consumer, new StringDeserializer(), new StringDeserializer());
        receiver.assign(List.of(new TopicPartition("bench.echo-out", 0)));
        receiver.seekToEnd(List.of(new TopicPartition("bench.echo-out", 0)));
        receiver.position(new TopicPartition("bench.echo-out", 0));
        echo = new Thread(() -> {
            try (KafkaProducer<String, String> out = new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer());
                 KafkaConsumer<String, String> in = new KafkaConsumer<>(consumer, new StringDeserializer(), new StringDeserializer())) {
                echoConsumer = in;
                in.assign(List.of(new TopicPartition("bench.echo-in", 0)));
                // From the start: what is sent before this thread first polls must be echoed too.
                in.seekToBeginning(List.of(new TopicPartition("bench.echo-in", 0)));
                while (running) {
                    for (ConsumerRecord<String, String> r : in.poll(Duration.ofMillis(100))) {
                        out.send(new ProducerRecord<>("bench.echo-out", r.key(), r.value()));
                    }
                }
            } catch (WakeupException e) {
                // closing
            }
        }, "bench-echo");
        echo.start();
    }

    /** One round trip; returns its duration in nanoseconds. */
    long roundTrip() {
        String id = Long.toString(sequence++);
        long began = System.nanoTime();
        sender.send(new ProducerRecord<>("bench.echo-in", "cnn", id));
        while (System.nanoTime() - began < Duration.ofSeconds(30).toNanos()) {
            for (ConsumerRecord<String, String> r : receiver.poll(Duration.ofMillis(100))) {
                if (r.value().equals(id)) {
                    return System.nanoTime() - began;
                }
            }
        }
        throw new IllegalStateException("echo " + id + " did not come back within 30 s");
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        if (echoConsumer != null) {
            echoConsumer.wakeup();
        }
        echo.join(10_000);
        sender.close();
        receiver.close();
    }
}
