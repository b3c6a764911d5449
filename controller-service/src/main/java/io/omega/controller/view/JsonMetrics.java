package io.omega.controller.view;

import java.util.LinkedHashMap;
import java.util.Map;

/** Metrics for the status JSON, which has no infinity: an infinite value (a profit factor without losses) is "inf". */
public final class JsonMetrics {

    private JsonMetrics() {
    }

    public static Map<String, Object> finite(Map<String, Double> metrics) {
        Map<String, Object> out = new LinkedHashMap<>();
        metrics.forEach((k, v) -> out.put(k, Double.isInfinite(v) ? "inf" : v));
        return out;
    }
}
