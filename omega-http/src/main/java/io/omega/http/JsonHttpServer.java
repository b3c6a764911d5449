package io.omega.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;

/**
 * A JSON HTTP API on Javalin with what every OMEGA API shares: errors as {@link ApiError} bodies, Prometheus
 * metrics on {@code GET /metrics}, and binding to the configured address only (127.0.0.1 by default).
 */
public final class JsonHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JsonHttpServer.class);

    private final Javalin app;

    private JsonHttpServer(Javalin app) {
        this.app = app;
    }

    public static ObjectMapper objectMapper() {
        return new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    /** Starts a server on {@code host:port} (port 0: any free one) with the routes {@code routes} adds. */
    public static JsonHttpServer start(String host, int port, PrometheusMeterRegistry metrics, Consumer<Javalin> routes) {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(objectMapper(), false));
        });
        app.exception(HttpProblem.class, (e, ctx) -> error(ctx, e.status(), e.getMessage(), e.details()));
        app.exception(JsonProcessingException.class,
                (e, ctx) -> error(ctx, 400, "the body is not valid JSON: " + e.getOriginalMessage(), null));
        // Javalin's own refusals (no such endpoint, wrong method, ...) in the same JSON shape.
        app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage(), null));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, 500, "internal error: " + e.getMessage(), null);
        });
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
        routes.accept(app);
        app.start(host, port);
        return new JsonHttpServer(app);
    }

    private static void error(Context ctx, int status, String message, Object details) {
        ctx.status(status).json(new ApiError(status, HttpStatus.forStatus(status).getMessage(), message, details));
    }

    /** The port actually bound. */
    public int port() {
        return app.port();
    }

    /** The address the server listens on, as Jetty bound it. */
    public String boundHost() {
        return ((ServerConnector) app.jettyServer().server().getConnectors()[0]).getHost();
    }

    @Override
    public void close() {
        app.stop();
    }
}
