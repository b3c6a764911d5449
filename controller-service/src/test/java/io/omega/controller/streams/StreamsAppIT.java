package io.omega.controller.streams;

import io.omega.testing.kafka.KafkaBrokerExtension;
import io.omega.testing.kafka.KafkaTestBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(KafkaBrokerExtension.class)
class StreamsAppIT {

    @TempDir
    Path stateDir;

    /** Copies {@code in} to its "-out", failing on the value "boom" as a processor with a bug would. */
    private static Topology failingOnBoom(String in) {
        StreamsBuilder builder = new StreamsBuilder();
        var strings = Serdes.String();
        builder.stream(in, Consumed.with(strings, strings))
                .peek((k, v) -> {
                    if ("boom".equals(v)) {
                        throw new IllegalStateException("a processor failed on " + v);
                    }
                })
                .to(in + "-out", Produced.with(strings, strings));
        return builder.build();
    }

    /** Each test its own topics: the broker is shared. */
    private static void topics(KafkaTestBroker kafka, String in) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(in, 1, (short) 1), new NewTopic(in + "-out", 1, (short) 1))).all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aProcessorThatFailsEndsTheApplicationExceptionallyNamingIt(KafkaTestBroker kafka) throws Exception {
        topics(kafka, "ended-in");
        try (StreamsApp app = new StreamsApp(failingOnBoom("ended-in"), kafka.bootstrapServers(), "ended-it",
                stateDir)) {
            app.start();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(),
                    new StringSerializer())) {
                producer.send(new ProducerRecord<>("ended-in", "k", "boom")).get(30, TimeUnit.SECONDS);
            }
            CompletableFuture<Void> ended = app.ended().toCompletableFuture();
            assertThatThrownBy(() -> ended.get(90, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(IllegalStateException.class)
                    .hasMessage("ended-it: Kafka Streams stopped in ERROR (a stream thread failed; its log says why)");
            assertThat(app.state()).isEqualTo(KafkaStreams.State.ERROR);
            assertThat(app.isRunning()).isFalse();
        }
    }

    @Test
    void aClosedApplicationHasEndedNormally(KafkaTestBroker kafka) throws Exception {
        topics(kafka, "closed-in");
        StreamsApp app = new StreamsApp(failingOnBoom("closed-in"), kafka.bootstrapServers(), "closed-it", stateDir);
        app.start();
        assertThat(app.ended().toCompletableFuture()).isNotDone();
        app.close();
        assertThat(app.ended().toCompletableFuture().get(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS))
                .isNull();
    }
}
