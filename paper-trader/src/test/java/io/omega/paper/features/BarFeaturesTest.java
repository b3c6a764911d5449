package io.omega.paper.features;

import io.omega.paper.market.Bar;
import io.omega.paper.decide.BaselineRules;
import io.omega.paper.decide.Prediction;
import io.omega.schemas.event.Direction;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BarFeaturesTest {

    private static final Instant T = Instant.parse("2025-01-24T12:00:00Z");

    @Test
    void featuresComeAfterTheWarmUpAndUseOnlyThePast() {
        BarFeatures features = new BarFeatures();
        Optional<Map<String, Double>> last = Optional.empty();
        for (int i = 0; i < BarFeatures.WARM_UP; i++) {
            double close = 100 * Math.pow(1.001, i); // +0.1 % a bar
            last = features.update(new Bar("S", T.plusSeconds(60L * i), close, close * 1.002, close * 0.999, close,
                    i == 30 ? 40 : 10 + i % 3, 3));
            if (i < BarFeatures.WARM_UP - 1) {
                assertThat(last).isEmpty();
            }
        }
        Map<String, Double> f = last.orElseThrow();
        assertThat(f.keySet()).containsExactly("ret_1", "ret_5", "ret_15", "vol_15", "range", "volume_z", "rsi_14");
        assertThat(f.get("ret_1")).isCloseTo(0.001, within(1e-12));
        assertThat(f.get("ret_5")).isCloseTo(Math.pow(1.001, 5) - 1, within(1e-12));
        assertThat(f.get("ret_15")).isCloseTo(Math.pow(1.001, 15) - 1, within(1e-12));
        assertThat(f.get("vol_15")).isCloseTo(0, within(1e-12));
        assertThat(f.get("range")).isCloseTo(0.003, within(1e-12));
        assertThat(f.get("rsi_14")).isEqualTo(100.0);
        // this bar's volume of 40 against the 30 bars before it: 10, 11, 12, 10, 11, 12, ...
        double mean = 11;
        double std = Math.sqrt(2.0 / 3);
        assertThat(f.get("volume_z")).isCloseTo((40 - mean) / std, within(1e-12));
    }

    @Test
    void theBaselineFollowsStrongMomentumAndStaysFlatOnNoise() {
        BaselineRules rules = new BaselineRules();
        Prediction up = rules.predict("S", Map.of("ret_5", 0.01, "vol_15", 0.001));
        assertThat(up.direction(0.55)).isEqualTo(Direction.LONG);
        assertThat(up.pLong() + up.pShort() + up.pFlat()).isCloseTo(1, within(1e-12));
        Prediction down = rules.predict("S", Map.of("ret_5", -0.01, "vol_15", 0.001));
        assertThat(down.direction(0.55)).isEqualTo(Direction.SHORT);
        Prediction noise = rules.predict("S", Map.of("ret_5", 0.0001, "vol_15", 0.001));
        assertThat(noise.direction(0.55)).isEqualTo(Direction.FLAT);
        assertThat(noise.modelType()).isEqualTo("baseline");
    }
}
