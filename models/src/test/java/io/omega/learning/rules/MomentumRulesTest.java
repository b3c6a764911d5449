package io.omega.learning.rules;

import io.omega.learning.backtest.ClassProbabilities;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MomentumRulesTest {

    private static final double VOL = 0.001;

    @Test
    void aOneSigmaRiseLeansLongAndATwoSigmaFallShort() {
        MomentumRules.Probabilities up = MomentumRules.predict(Map.of("vol_15", VOL, "ret_5", VOL * Math.sqrt(5)));
        assertThat(up.pLong()).isCloseTo(0.5168056347754914, within(1e-15));
        assertThat(up.pShort()).isCloseTo(0.11531492405306633, within(1e-15));
        assertThat(up.pFlat()).isCloseTo(0.36787944117144233, within(1e-15));
        MomentumRules.Probabilities down = MomentumRules.predict(Map.of("vol_15", VOL, "ret_5", -2 * VOL * Math.sqrt(5)));
        assertThat(down.pLong()).isCloseTo(0.04655723801046356, within(1e-15));
        assertThat(down.pShort()).isCloseTo(0.9351271231008023, within(1e-15));
        assertThat(down.pFlat()).isCloseTo(0.01831563888873418, within(1e-15));
    }

    @Test
    void noMoveOrNoFeaturesIsFlat() {
        assertThat(MomentumRules.predict(Map.of())).isEqualTo(new MomentumRules.Probabilities(0.0, 0.0, 1.0));
        assertThat(MomentumRules.predict(Map.of("vol_15", VOL, "ret_5", 0.0)))
                .isEqualTo(new MomentumRules.Probabilities(0.0, 0.0, 1.0));
    }

    @Test
    void aSeriesGivesOneBarOfProbabilitiesPerFeatureMap() {
        ClassProbabilities p = MomentumRules.predictAll(List.of(Map.of(),
                Map.of("vol_15", VOL, "ret_5", VOL * Math.sqrt(5))));
        assertThat(p.size()).isEqualTo(2);
        assertThat(p.flatProbability()[0]).isEqualTo(1.0);
        assertThat(p.longProbability()[1]).isCloseTo(0.5168056347754914, within(1e-15));
    }
}
