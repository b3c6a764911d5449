package io.omega.controller.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.omega.controller.view.Approvals;
import io.omega.controller.view.LearningStatus;
import io.omega.controller.view.LearningView;
import io.omega.http.BearerTokenAuth;
import io.omega.http.HttpProblem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The controller's HTTP API and dashboard:
 * <ul>
 *   <li>{@code GET /api/ai/learning_status}: the status JSON (also what {@code omega status} prints);</li>
 *   <li>{@code GET /api/ai/approvals}: promotions waiting for a person;</li>
 *   <li>{@code POST /api/ai/approvals/{type}/{version}/approve|reject}: the answer, bearer token required;</li>
 *   <li>{@code POST /api/ai/rollback/{type}}: a rollback by hand ({@code trigger_rollback}), bearer token required;</li>
 *   <li>{@code GET /}: the dashboard page, which polls the status every 10 seconds.</li>
 * </ul>
 */
public final class ControllerApi {

    private static final Set<String> TYPES = Set.of("cnn", "lstm");
    private static final Pattern VERSION = Pattern.compile("\\d{8}_\\d{6}(_\\d+)?");

    private final LearningStatus status;
    private final LearningView view;
    private final Approvals approvals;
    private final BearerTokenAuth auth;
    private final String dashboard;

    public ControllerApi(LearningStatus status, LearningView view, Approvals approvals, BearerTokenAuth auth) {
        this.status = status;
        this.view = view;
        this.approvals = approvals;
        this.auth = auth;
        this.dashboard = resource("/dashboard/index.html");
    }

    public void routes(Javalin app) {
        app.get("/", ctx -> ctx.contentType("text/html; charset=utf-8").result(dashboard));
        app.get("/api/ai/learning_status", ctx -> ctx.json(status.getLearningStatus()));
        app.get("/api/ai/approvals", ctx -> ctx.json(view.pendingApprovals()));
        app.post("/api/ai/approvals/{type}/{version}/approve", auth.protect(this::approve));
        app.post("/api/ai/approvals/{type}/{version}/reject", auth.protect(this::reject));
        app.post("/api/ai/rollback/{type}", auth.protect(this::rollback));
    }

    private void approve(Context ctx) {
        String type = type(ctx);
        String version = version(ctx);
        var answer = approvals.approve(type, version, actor(ctx))
                .orElseThrow(() -> notPending(type, version));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", answer.event().getEventType().name());
        body.put("model_type", type);
        body.put("version", version);
        body.put("command_id", answer.command().map(c -> c.getId()).orElse(null));
        ctx.json(body);
    }

    private void reject(Context ctx) {
        String type = type(ctx);
        String version = version(ctx);
        String reason = ctx.body().isBlank() ? null : String.valueOf(ctx.bodyAsClass(Map.class).getOrDefault("reason", ""));
        var answer = approvals.reject(type, version, actor(ctx), reason).orElseThrow(() -> notPending(type, version));
        ctx.json(Map.of("event", answer.event().getEventType().name(), "model_type", type, "version", version));
    }

    private void rollback(Context ctx) {
        String type = type(ctx);
        String reason = ctx.body().isBlank() ? null : String.valueOf(ctx.bodyAsClass(Map.class).getOrDefault("reason", ""));
        var answer = approvals.rollback(type, actor(ctx), reason);
        ctx.json(Map.of("event", answer.event().getEventType().name(), "model_type", type,
                "command_id", answer.command().orElseThrow().getId()));
    }

    private static String type(Context ctx) {
        String type = ctx.pathParam("type");
        if (!TYPES.contains(type)) {
            throw HttpProblem.notFound("unknown model type '" + type + "': expected cnn or lstm");
        }
        return type;
    }

    private static String version(Context ctx) {
        String version = ctx.pathParam("version");
        if (!VERSION.matcher(version).matches()) {
            throw HttpProblem.badRequest("version must look like 20250124_120000, got '" + version + "'");
        }
        return version;
    }

    private static String actor(Context ctx) {
        String actor = ctx.header("X-Omega-Actor");
        return actor == null || actor.isBlank() ? "operator" : actor.trim();
    }

    private static HttpProblem notPending(String type, String version) {
        return HttpProblem.notFound("no promotion of " + type + " " + version + " is waiting for approval");
    }

    private static String resource(String name) {
        try (InputStream in = ControllerApi.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
