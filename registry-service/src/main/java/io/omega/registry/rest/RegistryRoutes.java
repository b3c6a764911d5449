package io.omega.registry.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.omega.http.BearerTokenAuth;
import io.omega.http.HttpProblem;
import io.omega.registry.client.CommandTimeoutException;
import io.omega.registry.client.RegistryClient;
import io.omega.registry.client.RegistryCommands;
import io.omega.registry.model.ModelTypeState;
import io.omega.registry.model.ModelTypes;
import io.omega.registry.model.VersionId;
import io.omega.schemas.event.RegistryCommand;
import io.omega.schemas.event.RegistryEvent;
import io.omega.schemas.event.RegistryEventType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The registry's REST API. Reads come from the client's replica; each POST sends one command and answers with the
 * event that answered it: 200 when accepted, 409 with the reason when REJECTED, 504 when none came in time.
 */
public final class RegistryRoutes {

    /** Who the audit trail names when a caller does not say. */
    static final String DEFAULT_ACTOR = "rest-api";

    private final RegistryClient registry;
    private final RegistryCommands commands;
    private final BearerTokenAuth auth;
    private final ObjectMapper json;
    private final String openApi;

    public RegistryRoutes(RegistryClient registry, RegistryCommands commands, BearerTokenAuth auth, ObjectMapper json) {
        this.commands = commands;
        this.registry = registry;
        this.auth = auth;
        this.json = json;
        this.openApi = resource("openapi.json");
    }

    public void addTo(Javalin app) {
        app.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        app.get("/api/models", ctx -> ctx.json(ModelJson.all(
                ModelTypes.KNOWN.stream().map(registry::modelType).toList())));
        app.get("/api/models/{type}", ctx -> ctx.json(ModelJson.type(knownType(ctx))));
        // Before /{version}: "history" is not a version id.
        app.get("/api/models/{type}/history", ctx -> ctx.json(ModelJson.history(knownType(ctx))));
        app.get("/api/models/{type}/{version}", ctx -> {
            ModelTypeState type = knownType(ctx);
            String version = versionId(ctx);
            ctx.json(ModelJson.version(type.version(version).orElseThrow(() ->
                    HttpProblem.notFound(type.modelType() + " " + version + " is not registered"))));
        });
        app.post("/api/models/{type}/{version}/promote", auth.protect(ctx -> {
            String type = knownType(ctx).modelType();
            Body body = body(ctx);
            answer(ctx, commands.promote(type, versionId(ctx), body.actor(), body.reason()));
        }));
        app.post("/api/models/{type}/rollback", auth.protect(ctx -> {
            String type = knownType(ctx).modelType();
            Body body = body(ctx);
            answer(ctx, commands.rollback(type, body.actor(), body.reason()));
        }));
        app.post("/api/models/{type}/{version}/archive", auth.protect(ctx -> {
            String type = knownType(ctx).modelType();
            Body body = body(ctx);
            answer(ctx, commands.archive(type, versionId(ctx), body.actor(), body.reason()));
        }));
    }

    private void answer(Context ctx, RegistryCommand command) {
        RegistryEvent event;
        try {
            event = registry.execute(command);
        } catch (CommandTimeoutException e) {
            throw HttpProblem.gatewayTimeout(e.getMessage());
        }
        if (event.getEventType() == RegistryEventType.REJECTED) {
            throw HttpProblem.conflict(event.getReason(), ModelJson.event(event));
        }
        ctx.json(ModelJson.event(event));
    }

    private ModelTypeState knownType(Context ctx) {
        String type = ctx.pathParam("type");
        ModelTypes.problem(type).ifPresent(problem -> {
            throw HttpProblem.notFound(problem);
        });
        return registry.modelType(type);
    }

    private static String versionId(Context ctx) {
        String version = ctx.pathParam("version");
        VersionId.problem(version).ifPresent(problem -> {
            throw HttpProblem.badRequest(problem);
        });
        return version;
    }

    /** The optional body of a POST: who asks and why. */
    private record Body(String actor, String reason) {
    }

    private Body body(Context ctx) throws IOException {
        String text = ctx.body();
        if (text.isBlank()) {
            return new Body(DEFAULT_ACTOR, null);
        }
        JsonNode node = json.readTree(text);
        if (!node.isObject()) {
            throw HttpProblem.badRequest("the body must be a JSON object like {\"actor\": \"alice\", \"reason\": \"...\"}");
        }
        String actor = text(node, "actor");
        String reason = text(node, "reason");
        return new Body(actor == null || actor.isBlank() ? DEFAULT_ACTOR : actor, reason);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw HttpProblem.badRequest("'" + field + "' must be a string");
        }
        return value.asText();
    }

    private static String resource(String name) {
        try (InputStream in = RegistryRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
