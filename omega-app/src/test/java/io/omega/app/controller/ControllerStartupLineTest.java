package io.omega.app.controller;

import io.omega.config.ConfigLoader;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ControllerStartupLineTest {

    @Test
    void theDefaultsAsShipped() {
        assertThat(ControllerStartupLine.of(ConfigLoader.parse("""
                kafka:
                  bootstrap_servers: "127.0.0.1:9092"
                """, Map.of()))).isEqualTo("Controller on 127.0.0.1:9092: self-learning OFF, manual approval required, "
                + "auto-rollback OFF, window 50 trades, retrain after 100 outcomes or 24 h; gate: "
                + "promotion_significance 0.05, improvement_significance 0.05; monitor: monitor_min_trades 30, "
                + "rollback_false_alarm_rate 0.05, monitor_horizon_trades 500");
    }

    @Test
    void everyGateAndMonitorSettingAsConfigured() {
        assertThat(ControllerStartupLine.of(ConfigLoader.parse("""
                kafka:
                  bootstrap_servers: "broker:29092"
                self_learning:
                  enable_self_learning: true
                  manual_approval_required: false
                  allow_auto_rollback: true
                  performance_monitor_window_trades: 80
                  min_trades_before_retrain: 250
                  retrain_interval_hours: 6
                  promotion_significance: 0.01
                  improvement_significance: 0.1
                  monitor_min_trades: 40
                  rollback_false_alarm_rate: 0.02
                  monitor_horizon_trades: 1000
                """, Map.of()))).isEqualTo("Controller on broker:29092: self-learning ON, manual approval off, "
                + "auto-rollback ON, window 80 trades, retrain after 250 outcomes or 6 h; gate: "
                + "promotion_significance 0.01, improvement_significance 0.1; monitor: monitor_min_trades 40, "
                + "rollback_false_alarm_rate 0.02, monitor_horizon_trades 1000");
    }
}
