package io.omega.schemas.decode;

import com.microsoft.kiota.ApiException;
import io.apicurio.registry.rest.client.models.ProblemDetails;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Tells a decode failure the registry caused from one the record caused, by the exceptions in its cause chain.
 *
 * <p>Apicurio's deserializer wraps whatever its HTTP client threw, often twice ({@code RuntimeException} around
 * {@code RuntimeException} around the cause), so the whole chain is inspected:
 * <ul>
 *   <li>an HTTP answer from the registry ({@link ApiException}, of which Apicurio's {@code ProblemDetails} is one):
 *       404 means the schema id does not exist, which no retry changes; any other status (5xx, 429, 401, ...) is
 *       the registry's or the deployment's problem, not the record's;</li>
 *   <li>no answer at all: connection refused or reset ({@link SocketException}, which includes
 *       {@code ConnectException} and Netty's connect timeout), a timeout of any kind, an unknown host, TLS
 *       trouble, a closed channel or an HTTP connection Vert.x saw close;</li>
 *   <li>an interrupted lookup, which says nothing about the bytes either.</li>
 * </ul>
 * Anything else (bad magic byte, Avro that does not parse, an {@code EOFException} from truncated bytes, a
 * record of the wrong type) is permanent.
 */
public final class DecodeFailures {

    public static final int NOT_FOUND = 404;

    /** Vert.x's "connection was closed", named because Vert.x is not on every module's compile classpath. */
    private static final String HTTP_CLOSED = "io.vertx.core.http.HttpClosedException";

    private DecodeFailures() {
    }

    public static DecodeFailure classify(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof SchemaRegistryUnavailableException) {
                return DecodeFailure.TRANSIENT;
            }
            if (t instanceof ApiException api) {
                return status(api) == NOT_FOUND ? DecodeFailure.PERMANENT : DecodeFailure.TRANSIENT;
            }
            if (isUnreachable(t)) {
                return DecodeFailure.TRANSIENT;
            }
        }
        return DecodeFailure.PERMANENT;
    }

    public static boolean isTransient(Throwable failure) {
        return classify(failure) == DecodeFailure.TRANSIENT;
    }

    /** The registry's answer that the schema does not exist (HTTP 404), if that is what failed. */
    public static boolean isUnknownSchema(Throwable failure) {
        return chain(failure).stream().anyMatch(t -> t instanceof ApiException api && status(api) == NOT_FOUND);
    }

    /** The HTTP status the registry answered with, if the failure carries one. */
    public static Optional<Integer> registryStatus(Throwable failure) {
        return chain(failure).stream().filter(ApiException.class::isInstance).map(t -> status((ApiException) t))
                .filter(s -> s > 0).findFirst();
    }

    private static int status(ApiException api) {
        if (api.getResponseStatusCode() > 0) {
            return api.getResponseStatusCode();
        }
        // Apicurio's ProblemDetails carries the status in its body as well; older clients set only that.
        if (api instanceof ProblemDetails problem && problem.getStatus() != null) {
            return problem.getStatus();
        }
        return 0;
    }

    private static boolean isUnreachable(Throwable t) {
        return t instanceof SocketException
                || t instanceof SocketTimeoutException
                || t instanceof HttpTimeoutException
                || t instanceof TimeoutException
                || t instanceof UnknownHostException
                || t instanceof SSLException
                || t instanceof ClosedChannelException
                || t instanceof InterruptedException
                || HTTP_CLOSED.equals(t.getClass().getName());
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
