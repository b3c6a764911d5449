package io.omega.registry.rest;

import io.omega.registry.model.ModelStatus;
import io.omega.registry.model.ModelTypeState;
import io.omega.registry.model.ModelVersion;
import io.omega.registry.model.ProductionTenure;
import io.omega.schemas.event.RegistryEvent;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The registry's values as the JSON the REST API answers with (snake_case keys, ISO-8601 UTC times). */
final class ModelJson {

    private ModelJson() {
    }

    static Map<String, Object> version(ModelVersion v) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model_type", v.modelType());
        json.put("version", v.version());
        json.put("status", v.status().label());
        json.put("metrics", new TreeMap<>(v.metrics()));
        json.put("config", new TreeMap<>(v.config()));
        json.put("artifact_uri", v.artifactUri());
        json.put("artifact_sha256", v.artifactSha256());
        json.put("data_from", time(v.dataFrom()));
        json.put("data_to", time(v.dataTo()));
        json.put("registered_at", time(v.registeredAt()));
        json.put("registered_by", v.registeredBy());
        json.put("registration_reason", v.registrationReason());
        json.put("previous_version", v.previousVersion());
        json.put("status_since", time(v.statusSince()));
        return json;
    }

    static Map<String, Object> summary(ModelTypeState state) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model_type", state.modelType());
        json.put("production_version", state.productionVersion());
        json.put("rollback_target", state.rollbackTarget().orElse(null));
        json.put("total", state.versions().size());
        json.put("production", state.count(ModelStatus.PRODUCTION));
        json.put("candidate", state.count(ModelStatus.CANDIDATE));
        json.put("archived", state.count(ModelStatus.ARCHIVED));
        return json;
    }

    static Map<String, Object> type(ModelTypeState state) {
        Map<String, Object> json = summary(state);
        json.put("versions", state.list().stream().map(ModelJson::version).toList());
        return json;
    }

    static Map<String, Object> all(List<ModelTypeState> states) {
        Map<String, Object> byType = new LinkedHashMap<>();
        states.forEach(s -> byType.put(s.modelType(), summary(s)));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("total_models", states.stream().mapToInt(s -> s.versions().size()).sum());
        json.put("by_type", byType);
        json.put("models", states.stream().flatMap(s -> s.list().stream()).map(ModelJson::version).toList());
        return json;
    }

    static Map<String, Object> history(ModelTypeState state) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model_type", state.modelType());
        json.put("production_version", state.productionVersion());
        json.put("history", state.history().stream().map(ModelJson::tenure).toList());
        return json;
    }

    static Map<String, Object> tenure(ProductionTenure t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", t.version());
        json.put("entered_by", t.enteredBy());
        json.put("entered_at", time(t.enteredAt()));
        json.put("entered_actor", t.enteredActor());
        json.put("entered_reason", t.enteredReason());
        json.put("replaced_version", t.replacedVersion());
        json.put("left_at", time(t.leftAt()));
        json.put("left_how", t.leftHow());
        json.put("left_actor", t.leftActor());
        json.put("left_reason", t.leftReason());
        json.put("succeeded_by", t.succeededBy());
        return json;
    }

    static Map<String, Object> event(RegistryEvent e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", e.getId());
        json.put("event_time", time(e.getEventTime()));
        json.put("command_id", e.getCommandId());
        json.put("event_type", e.getEventType().name());
        json.put("model_type", e.getModelType());
        json.put("version", e.getVersion());
        json.put("previous_version", e.getPreviousVersion());
        json.put("reason", e.getReason());
        json.put("actor", e.getActor());
        return json;
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
