package io.omega.app.registry;

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

/** Talks to a running registry's REST API, so the command line has exactly the REST outcomes. */
final class RegistryRestClient {

    record Response(int status, JsonNode body) {
        String message() {
            return body != null && body.hasNonNull("message") ? body.get("message").asText() : "HTTP " + status;
        }
    }

    /** The registry could not be reached at all. */
    static final class Unreachable extends Exception {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RegistryRestClient(String baseUrl, String token) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
    }

    Response get(String... path) throws Unreachable {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Response post(String actor, String reason, String... path) throws Unreachable {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("actor", actor);
        if (reason != null) {
            body.put("reason", reason);
        }
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/json")
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
        StringBuilder url = new StringBuilder(baseUrl).append("/api/models");
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
            throw new Unreachable("cannot reach the model registry at " + baseUrl + " (" + e + "); is `omega registry` running?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted", e);
        }
    }
}
