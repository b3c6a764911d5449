package io.omega.schemas.decode;

import com.microsoft.kiota.ApiExceptionBuilder;
import io.apicurio.registry.rest.client.models.ProblemDetails;
import io.omega.config.RegistryMode;
import io.omega.config.SchemaRegistryConfig;
import io.omega.schemas.event.Decision;
import io.omega.schemas.serde.OmegaSerdes;
import org.apache.avro.AvroRuntimeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import static io.omega.schemas.decode.DecodeFailure.PERMANENT;
import static io.omega.schemas.decode.DecodeFailure.TRANSIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecodeFailuresTest {

    /** How Apicurio's cache hands on a failed lookup: its own RuntimeException around the client's. */
    private static RuntimeException asApicurioWrapsIt(Throwable cause) {
        return new RuntimeException(new RuntimeException(new ExecutionException(cause)));
    }

    /** As Apicurio's client builds the error of a failed request: a ProblemDetails body, the response's status. */
    private static Throwable problem(int status) {
        ProblemDetails body = new ProblemDetails();
        body.setStatus(status);
        return new ApiExceptionBuilder(() -> body).withResponseStatusCode(status).build();
    }

    @Test
    void aRegistryThatCannotBeReachedIsTransient() {
        assertThat(DecodeFailures.classify(asApicurioWrapsIt(new ConnectException("Connection refused")))).isEqualTo(TRANSIENT);
        assertThat(DecodeFailures.classify(asApicurioWrapsIt(new SocketTimeoutException("Read timed out")))).isEqualTo(TRANSIENT);
        assertThat(DecodeFailures.classify(asApicurioWrapsIt(new HttpTimeoutException("request timed out")))).isEqualTo(TRANSIENT);
        assertThat(DecodeFailures.classify(asApicurioWrapsIt(new HttpConnectTimeoutException("connect timed out")))).isEqualTo(TRANSIENT);
        assertThat(DecodeFailures.classify(asApicurioWrapsIt(new TimeoutException("The timeout period of 30000ms has been exceeded")))).isEqualTo(TRANSIENT);
        assertThat(DecodeFailures.classify(asApicurioWrapsIt(new UnknownHostException("registry")))).isEqualTo(TRANSIENT);
    }

    @Test
    void aRegistryAnsweringWithAnErrorOtherThanNotFoundIsTransient() {
        assertThat(DecodeFailures.classify(asApicurioWrapsIt(problem(500)))).isEqualTo(TRANSIENT);
        assertThat(DecodeFailures.classify(asApicurioWrapsIt(problem(503)))).isEqualTo(TRANSIENT);
        assertThat(DecodeFailures.classify(asApicurioWrapsIt(problem(429)))).isEqualTo(TRANSIENT);
        assertThat(DecodeFailures.classify(asApicurioWrapsIt(problem(401)))).isEqualTo(TRANSIENT);
        assertThat(DecodeFailures.classify(asApicurioWrapsIt(
                new ApiExceptionBuilder().withMessage("bad gateway").withResponseStatusCode(502).build()))).isEqualTo(TRANSIENT);
        assertThat(DecodeFailures.registryStatus(asApicurioWrapsIt(problem(503)))).contains(503);
    }

    @Test
    void anIdTheRegistrySaysDoesNotExistIsPermanent() {
        assertThat(DecodeFailures.classify(asApicurioWrapsIt(problem(404)))).isEqualTo(PERMANENT);
        assertThat(DecodeFailures.isUnknownSchema(asApicurioWrapsIt(problem(404)))).isTrue();
        assertThat(DecodeFailures.isUnknownSchema(asApicurioWrapsIt(problem(503)))).isFalse();
        // Only the body's status, as some clients fill it
        ProblemDetails bodyOnly = new ProblemDetails();
        bodyOnly.setStatus(404);
        assertThat(DecodeFailures.classify(bodyOnly)).isEqualTo(PERMANENT);
    }

    @Test
    void bytesThatCannotBeReadArePermanent() {
        assertThat(DecodeFailures.classify(new SerializationException("not in the schema-registry wire format"))).isEqualTo(PERMANENT);
        assertThat(DecodeFailures.classify(new RuntimeException(new AvroRuntimeException("Malformed data. Length is negative: -40")))).isEqualTo(PERMANENT);
        // Truncated Avro ends in an IOException too; only network ones mean the registry.
        assertThat(DecodeFailures.classify(new SerializationException(new EOFException()))).isEqualTo(PERMANENT);
        assertThat(DecodeFailures.classify(new RuntimeException(new IOException("Invalid int encoding")))).isEqualTo(PERMANENT);
        assertThat(DecodeFailures.classify(new ClassCastException("Outcome cannot be cast to Decision"))).isEqualTo(PERMANENT);
    }

    @Test
    void ourOwnUnavailableExceptionIsTransientWhereverItIsWrapped() {
        assertThat(DecodeFailures.classify(new IllegalStateException(
                new SchemaRegistryUnavailableException("down", null)))).isEqualTo(TRANSIENT);
    }

    @Test
    void aCyclicCauseChainEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(DecodeFailures.classify(a)).isEqualTo(PERMANENT);
    }

    @Test
    void theUrlModeDeserializerSaysTheRegistryIsUnreachableWhenNothingListens() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        OmegaSerdes serdes = new OmegaSerdes(new SchemaRegistryConfig(RegistryMode.URL,
                "http://127.0.0.1:" + port + "/apis/registry/v3", false));
        try (Deserializer<Decision> decisions = serdes.valueDeserializer(Decision.class)) {
            assertThatThrownBy(() -> decisions.deserialize("omega.decisions", new byte[]{0, 0, 0, 0, 7, 2, 4}))
                    .isInstanceOf(SchemaRegistryUnavailableException.class)
                    .isNotInstanceOf(SerializationException.class)
                    .hasMessageStartingWith("cannot decode a Decision from topic omega.decisions: the schema registry "
                            + "cannot be reached for schema id 7 (")
                    .satisfies(e -> assertThat(DecodeFailures.classify(e)).isEqualTo(TRANSIENT));
        }
    }
}
