package io.omega.app.metrics;

/** A worker's answer on {@code GET /api/health}: 200 with status UP, or 503 with status DOWN, and why. */
public record Health(boolean up, String detail) {
}
