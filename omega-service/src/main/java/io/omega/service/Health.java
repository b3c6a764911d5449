package io.omega.service;

import java.util.Objects;

/**
 * Whether a service is doing its job, as {@code GET /api/health} answers it: 200 with status UP, or 503 with status
 * DOWN, and why. DOWN does not mean stopped: a sink waiting for the schema registry is DOWN and still running.
 */
public record Health(boolean up, String detail) {

    public Health {
        Objects.requireNonNull(detail, "detail");
    }

    public static Health up(String detail) {
        return new Health(true, detail);
    }

    public static Health down(String detail) {
        return new Health(false, detail);
    }
}
