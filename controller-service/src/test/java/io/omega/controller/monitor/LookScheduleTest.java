package io.omega.controller.monitor;

import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class LookScheduleTest {

    @Test
    void theShippedSettingsLookAt30ThenEvery10TradesAndRenewAfter500() {
        MonitorSettings shipped = new MonitorSettings(50, 10.0, 30, 0.05, 500, 1_000.0, true);
        LookSchedule looks = shipped.looks();
        assertThat(looks).isEqualTo(new LookSchedule(30, 10, 500));
        assertThat(LongStream.rangeClosed(1, 60).filter(looks::isLook).toArray()).containsExactly(30, 40, 50, 60);
        assertThat(LongStream.rangeClosed(481, 560).filter(looks::isLook).toArray()).containsExactly(490, 500, 530, 540, 550, 560);
        assertThat(looks.looks()).isEqualTo(48);
        assertThat(shipped.alphaPerTest()).isEqualTo(0.05 / 96);
        assertThat(shipped.sampleTrades()).isEqualTo(50);
    }

    @Test
    void aWindowBelowTheMinimumStillTestsTheMinimum() {
        MonitorSettings small = new MonitorSettings(5, 10.0, 20, 0.05, 100, 1_000.0, true);
        assertThat(small.sampleTrades()).isEqualTo(20);
        assertThat(small.looks()).isEqualTo(new LookSchedule(20, 4, 100));
        assertThat(small.looks().looks()).isEqualTo(21);
        assertThat(small.looks().isLook(0)).isFalse();
    }
}
