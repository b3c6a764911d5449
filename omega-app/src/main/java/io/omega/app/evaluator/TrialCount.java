package io.omega.app.evaluator;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The edge test's trial count for an offline evaluation, and what was counted, as the output states it. The
 * evaluator worker counts the candidates of the type registered since production last changed; offline, the model
 * store stands in for the registrations: its models of the type made since that change, the evaluated one always
 * included. When the registry cannot say when production changed, every model of the type in the store counts,
 * which can only make the edge test stricter.
 *
 * @param trials candidates counted, at least 1
 * @param basis  what they are, e.g. {@code every cnn model in the model store, this one included (...)}
 */
record TrialCount(int trials, String basis) {

    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    /**
     * @param stored     the type's versions in the model store
     * @param candidate  the version evaluated
     * @param against    the version it is compared with, if any: a champion, not a candidate
     * @param production what the registry says about production
     */
    static TrialCount of(String type, List<String> stored, String candidate, Optional<String> against,
                         ProductionRecord production) {
        Optional<String> productionVersion = production instanceof ProductionRecord.Known known
                ? known.version() : Optional.empty();
        Optional<Instant> since = production instanceof ProductionRecord.Known known
                ? known.changedAt() : Optional.empty();
        // Version ids are the second a model was made; one made in the second production changed counts, so a
        // tie errs towards more trials, the stricter test.
        Optional<Instant> fromSecond = since.map(t -> t.truncatedTo(ChronoUnit.SECONDS));
        int others = (int) stored.stream()
                .filter(v -> !v.equals(candidate))
                .filter(v -> against.map(a -> !a.equals(v)).orElse(true))
                .filter(v -> productionVersion.map(p -> !p.equals(v)).orElse(true))
                .filter(v -> fromSecond.map(t -> !madeAt(v).isBefore(t)).orElse(true))
                .count();
        int trials = others + 1;
        String models = trials == 1 ? "model" : "models";
        String basis;
        if (production instanceof ProductionRecord.Unknown unknown) {
            basis = "every " + type + " model in the model store" + against.map(a -> " but " + a).orElse("")
                    + ", this one included (" + unknown.why() + ", so when production last changed is unknown)";
        } else if (since.isEmpty()) {
            basis = "every " + type + " model in the model store, this one included (registry: no " + type
                    + " model has been in production)";
        } else {
            basis = type + " " + models + " in the model store made since production last changed at "
                    + since.get() + ", this one included (registry: production is "
                    + productionVersion.orElse("the engine's rules") + ")";
        }
        return new TrialCount(trials, basis);
    }

    private static Instant madeAt(String version) {
        return LocalDateTime.parse(version, VERSION).toInstant(ZoneOffset.UTC);
    }
}
