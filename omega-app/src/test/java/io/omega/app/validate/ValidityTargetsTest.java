package io.omega.app.validate;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class ValidityTargetsTest {

    private static RunReport report(String scenario, long seed, long candidates, long promotions, long rollbacks,
                                    long falseRollbacks, OptionalLong detect, boolean modelAtFlip,
                                    List<String> negative) {
        return new RunReport(scenario, seed, 8_640, candidates, promotions, promotions + rollbacks, rollbacks,
                falseRollbacks, 10, OptionalDouble.of(0.1), 20, OptionalDouble.of(0.05), OptionalLong.of(1_000),
                detect, modelAtFlip, negative);
    }

    @Test
    void everyTargetMetGivesFiveMetVerdictsWithTheirFigures() {
        List<ValidityTargets.Verdict> verdicts = ValidityTargets.check(List.of(
                report("random-walk", 1, 30, 1, 0, 0, OptionalLong.empty(), false, List.of()),
                report("random-walk", 2, 10, 1, 0, 0, OptionalLong.empty(), false, List.of()),
                report("planted-signal", 1, 40, 2, 1, 0, OptionalLong.empty(), false, List.of()),
                report("regime-flip", 1, 40, 1, 1, 0, OptionalLong.of(60), true, List.of()),
                report("bitstamp", 1, 40, 1, 0, 0, OptionalLong.empty(), false, List.of())));

        assertThat(verdicts).extracting(ValidityTargets.Verdict::met).containsExactly(true, true, true, true, true);
        assertThat(verdicts.get(0).figures()).isEqualTo("2 of 40 (5.0 %) over 2 seed(s)");
        assertThat(verdicts.get(1).figures()).isEqualTo("seed 1: 2");
        assertThat(verdicts.get(2).figures()).isEqualTo("0 false of 1 rollback(s)");
        assertThat(verdicts.get(3).figures()).isEqualTo("seed 1: 60 trades");
        assertThat(verdicts.get(4).figures()).isEqualTo("1 promotion(s), none negative live");
    }

    @Test
    void eachTargetFailsOnItsOwnCondition() {
        List<ValidityTargets.Verdict> verdicts = ValidityTargets.check(List.of(
                report("random-walk", 1, 19, 1, 0, 0, OptionalLong.empty(), false, List.of()),
                report("planted-signal", 1, 40, 0, 0, 0, OptionalLong.empty(), false, List.of()),
                report("planted-signal", 2, 40, 1, 1, 1, OptionalLong.empty(), false, List.of()),
                report("regime-flip", 1, 40, 1, 0, 0, OptionalLong.empty(), true, List.of()),
                report("regime-flip", 2, 40, 1, 1, 0, OptionalLong.of(101), true, List.of()),
                report("bitstamp", 1, 40, 1, 0, 0, OptionalLong.empty(), false, List.of("v1 (-0.0100 % over 30 trades)"))));

        assertThat(verdicts).extracting(ValidityTargets.Verdict::met).containsExactly(false, false, false, false, false);
        assertThat(verdicts.get(0).figures()).isEqualTo("1 of 19 (5.3 %) over 1 seed(s)");
        assertThat(verdicts.get(1).figures()).isEqualTo("seed 1: 0, seed 2: 1");
        assertThat(verdicts.get(2).figures()).isEqualTo("1 false of 1 rollback(s)");
        assertThat(verdicts.get(3).figures()).isEqualTo("seed 1: never, seed 2: 101 trades");
        assertThat(verdicts.get(4).figures()).isEqualTo("v1 (-0.0100 % over 30 trades)");
    }

    @Test
    void aFlipWithNoModelInProductionCannotBeDetectedAndIsNotMet() {
        List<ValidityTargets.Verdict> verdicts = ValidityTargets.check(List.of(
                report("regime-flip", 1, 18, 0, 0, 0, OptionalLong.empty(), false, List.of())));

        assertThat(verdicts).singleElement().satisfies(v -> {
            assertThat(v.met()).isFalse();
            assertThat(v.figures()).isEqualTo("no seed had a model in production at the flip, so nothing could be detected");
        });
    }
}
