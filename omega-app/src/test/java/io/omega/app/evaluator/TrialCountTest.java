package io.omega.app.evaluator;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TrialCountTest {

    private static final List<String> STORED = List.of("20250120_090000", "20250120_100000", "20250121_080000",
            "20250122_080000", "20250123_080000");

    @Test
    void countsTheModelsMadeSinceProductionLastChangedLeavingOutProductionAndTheChampion() {
        var production = new ProductionRecord.Known(Optional.of("20250120_100000"),
                Optional.of(Instant.parse("2025-01-21T08:00:00.400Z")));

        TrialCount count = TrialCount.of("cnn", STORED, "20250123_080000", Optional.of("20250122_080000"), production);

        // 20250121_080000 was made in the second production changed, and counts: a tie errs towards the stricter test
        assertThat(count).isEqualTo(new TrialCount(2, "cnn models in the model store made since production last "
                + "changed at 2025-01-21T08:00:00.400Z, this one included (registry: production is 20250120_100000)"));
    }

    @Test
    void theEvaluatedModelCountsEvenWhenItIsOlderThanTheChange() {
        var production = new ProductionRecord.Known(Optional.empty(), Optional.of(Instant.parse("2025-01-24T00:00:00Z")));

        TrialCount count = TrialCount.of("lstm", STORED, "20250120_090000", Optional.empty(), production);

        assertThat(count).isEqualTo(new TrialCount(1, "lstm model in the model store made since production last "
                + "changed at 2025-01-24T00:00:00Z, this one included (registry: production is the engine's rules)"));
    }

    @Test
    void withNothingEverInProductionEveryStoredModelCounts() {
        TrialCount count = TrialCount.of("cnn", STORED, "20250123_080000", Optional.empty(),
                new ProductionRecord.Known(Optional.empty(), Optional.empty()));

        assertThat(count).isEqualTo(new TrialCount(5, "every cnn model in the model store, this one included "
                + "(registry: no cnn model has been in production)"));
    }

    @Test
    void withoutTheRegistryEveryStoredModelButTheChampionCounts() {
        TrialCount count = TrialCount.of("cnn", STORED, "20250123_080000", Optional.of("20250120_100000"),
                new ProductionRecord.Unknown("the registry at http://127.0.0.1:1 did not answer"));

        assertThat(count).isEqualTo(new TrialCount(4, "every cnn model in the model store but 20250120_100000, "
                + "this one included (the registry at http://127.0.0.1:1 did not answer, so when production last "
                + "changed is unknown)"));
    }

    @Test
    void theLastChangeIsTheLatestEntryOrExitInTheHistory() throws Exception {
        // promoted twice, then rolled back twice: the first model's rollback leaves no production and is the change
        var body = new ObjectMapper().readTree("""
                {"model_type": "cnn", "production_version": null, "history": [
                  {"version": "20250120_100000", "entered_by": "PROMOTED", "entered_at": "2025-01-20T11:00:00Z",
                   "left_at": "2025-01-22T09:00:00Z", "left_how": "ROLLED_BACK"},
                  {"version": "20250121_080000", "entered_by": "PROMOTED", "entered_at": "2025-01-21T09:00:00Z",
                   "left_at": "2025-01-22T08:00:00Z", "left_how": "ROLLED_BACK"},
                  {"version": "20250120_100000", "entered_by": "ROLLED_BACK", "entered_at": "2025-01-22T08:00:00Z",
                   "left_at": "2025-01-22T09:00:00Z", "left_how": "ROLLED_BACK"}
                ]}""");

        assertThat(ProductionRecord.Known.fromHistory(body)).isEqualTo(
                new ProductionRecord.Known(Optional.empty(), Optional.of(Instant.parse("2025-01-22T09:00:00Z"))));
    }

    @Test
    void aTypeNeverInProductionHasNoChange() throws Exception {
        var body = new ObjectMapper().readTree("""
                {"model_type": "cnn", "production_version": null, "history": []}""");

        assertThat(ProductionRecord.Known.fromHistory(body)).isEqualTo(
                new ProductionRecord.Known(Optional.empty(), Optional.empty()));
    }
}
