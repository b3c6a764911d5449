package io.omega.app.evaluator;

import com.fasterxml.jackson.databind.JsonNode;
import io.omega.app.rest.RestClient;

import java.time.Instant;
import java.util.Optional;

/**
 * What the model registry says about a type's production model. The edge test counts the candidates tried since
 * production last changed, so an offline evaluation needs to know when that was.
 */
sealed interface ProductionRecord {

    /**
     * The registry answered.
     *
     * @param version   the production version now; empty when none is (the engine's rules trade)
     * @param changedAt when a promotion or rollback last changed production; empty when none ever did
     */
    record Known(Optional<String> version, Optional<Instant> changedAt) implements ProductionRecord {

        /** From the body of {@code GET /api/models/{type}/history}. */
        static Known fromHistory(JsonNode body) {
            JsonNode production = body.path("production_version");
            Instant last = null;
            for (JsonNode tenure : body.path("history")) {
                // A rollback of the first model ends a tenure without starting one: its left_at is a change too.
                for (String field : new String[] {"entered_at", "left_at"}) {
                    JsonNode at = tenure.path(field);
                    if (at.isTextual()) {
                        Instant t = Instant.parse(at.asText());
                        if (last == null || t.isAfter(last)) {
                            last = t;
                        }
                    }
                }
            }
            return new Known(production.isTextual() ? Optional.of(production.asText()) : Optional.empty(),
                    Optional.ofNullable(last));
        }
    }

    /** The registry could not say; {@code why} is printed beside the count made without it. */
    record Unknown(String why) implements ProductionRecord {
    }

    /** Asks the registry at {@code baseUrl} through {@code client}; never fails, an unanswered question is Unknown. */
    static ProductionRecord ask(RestClient client, String baseUrl, String type) {
        RestClient.Response response;
        try {
            response = client.get(type, "history");
        } catch (RestClient.Unreachable e) {
            return new Unknown("the registry at " + baseUrl + " did not answer");
        }
        if (response.status() != 200 || response.body() == null) {
            return new Unknown("the registry at " + baseUrl + " answered " + response.status() + ": "
                    + response.message());
        }
        return Known.fromHistory(response.body());
    }
}
