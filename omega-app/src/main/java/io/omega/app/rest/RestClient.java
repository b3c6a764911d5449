package io.omega.app.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Talks to a running service's REST API (the model registry, the controller), so the command line has exactly the
 * REST outcomes.
 */
public final class RestClient {

    public record Response(int status, JsonNode body) {
        public String message() {
            return body != null && body.hasNonNull("message") ? body.get("message").asText() : "HTTP " + status;
        }
    }

    /** The registry could not be reached at all. */
    public static final class Unreachable extends Exception {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String apiRoot;
    private final String token;
    private final String service;
    private final String command;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param apiRoot the path every call is under, e.g. {@code /api/models}
     * @param service what to call the service when it cannot be reached, e.g. "the model registry"
     * @param command the command that runs it, named in that message
     */
    public RestClient(String baseUrl, String apiRoot, String token, String service, String command) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiRoot = apiRoot;
        this.token = token;
        this.service = service;
        this.command = command;
    }

    public Response get(String... path) throws Unreachable {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Response post(String actor, String reason, String... path) throws Unreachable {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("actor", actor);
        if (reason != null) {
            body.put("reason", reason);
        }
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/json")
                    .header("X-Omega-Actor", actor)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (token != null && !token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private URI uri(String... path) {
        StringBuilder url = new StringBuilder(baseUrl).append(apiRoot);
        for (String segment : path) {
            url.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return URI.create(url.toString());
    }

    private Response send(HttpRequest.Builder request) throws Unreachable {
        HttpRequest built = request.timeout(Duration.ofSeconds(120)).build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            JsonNode body = null;
            if (response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
                body = JSON.readTree(response.body());
            }
            return new Response(response.statusCode(), body);
        } catch (IOException e) {
            throw new Unreachable("cannot reach " + service + " at " + baseUrl + " (" + e + "); is `" + command
                    + "` running?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted", e);
        }
    }
}
