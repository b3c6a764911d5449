package io.omega.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void theShippedFileHoldsExactlyTheDefaults() {
        OmegaConfig shipped = ConfigLoader.load(Path.of("..", "config", "trading_config.yaml"), Map.of());
        assertThat(shipped).isEqualTo(OmegaConfig.defaults());
    }

    @Test
    void defaultsAreTheDocumentedContract() {
        SelfLearningConfig s = OmegaConfig.defaults().selfLearning();
        assertThat(s).isEqualTo(new SelfLearningConfig(false, false, 100, 24, 1.0, 55.0, 20.0, 0.05, true, true, 50,
                10.0, 10_000, SelfLearningConfig.LogFileFormat.PARQUET, SelfLearningConfig.LogRotation.DAILY, 90,
                0.05, 0.05, 30, 0.05, 500, List.of("cnn", "lstm")));
        assertThat(OmegaConfig.defaults().kafka().producer())
                .isEqualTo(new PublisherConfig(65_536, 16_384, CompressionType.LZ4, 5, 65_536, 10_000, 10_000));
        assertThat(OmegaConfig.defaults().schemaRegistry()).isEqualTo(new SchemaRegistryConfig(RegistryMode.EMBEDDED, "", true));
        assertThat(OmegaConfig.defaults().storage().dataDir()).isEqualTo(Path.of("data"));
        assertThat(OmegaConfig.defaults().kafka().streamsCommitInterval()).isEqualTo(java.time.Duration.ofMillis(100));
    }

    @Test
    void aPartialFileChangesOnlyWhatItNames() {
        OmegaConfig config = ConfigLoader.parse("""
                self_learning:
                  enable_self_learning: true
                  min_trades_before_retrain: "250"
                kafka:
                  producer:
                    compression_type: zstd
                """, Map.of());
        assertThat(config.selfLearning().enableSelfLearning()).isTrue();
        assertThat(config.selfLearning().minTradesBeforeRetrain()).isEqualTo(250);
        assertThat(config.selfLearning().keepLogsDays()).isEqualTo(90);
        assertThat(config.kafka().producer().compressionType()).isEqualTo(CompressionType.ZSTD);
        assertThat(config.kafka().producer().lingerMs()).isEqualTo(5);
        assertThat(config.dashboard()).isEqualTo(OmegaConfig.defaults().dashboard());
    }

    @Test
    void unknownSectionsAndKeysAreNamedWithASuggestion() {
        assertThat(problems("""
                self_lerning:
                  x: 1
                self_learning:
                  min_trade_before_retrain: 10
                kafka:
                  producer:
                    lingr_ms: 3
                """)).containsExactlyInAnyOrder(
                new ConfigProblem("self_lerning", "unknown section (did you mean self_learning?)"),
                new ConfigProblem("self_learning.min_trade_before_retrain",
                        "unknown key (did you mean min_trades_before_retrain?)"),
                new ConfigProblem("kafka.producer.lingr_ms", "unknown key (did you mean linger_ms?)"));
    }

    @Test
    void wrongTypesNameTheKeyTheExpectedTypeAndTheValue() {
        assertThat(problems("""
                self_learning:
                  min_trades_before_retrain: abc
                  retrain_interval_hours: 1.5
                  enable_shadow_mode: "yes"
                  min_eval_sharpe_for_promotion: [1, 2]
                  log_file_format: json
                storage: 5
                """)).containsExactlyInAnyOrder(
                new ConfigProblem("storage", "expected a mapping of keys, got 5"),
                new ConfigProblem("self_learning.enable_shadow_mode", "expected true or false, got 'yes'"),
                new ConfigProblem("self_learning.min_trades_before_retrain", "expected an integer, got 'abc'"),
                new ConfigProblem("self_learning.retrain_interval_hours", "expected an integer, got 1.5"),
                new ConfigProblem("self_learning.min_eval_sharpe_for_promotion", "expected a number, got a list [1,2]"),
                new ConfigProblem("self_learning.log_file_format", "expected one of parquet, csv, got 'json'"));
    }

    @Test
    void theLiveMonitorsKeysAreCheckedOneByOneAndTheHorizonAgainstTheMinimum() {
        assertThat(problems("""
                self_learning:
                  monitor_min_trades: 5
                  rollback_false_alarm_rate: 0.5
                  monitor_horizon_trades: 0
                """)).containsExactlyInAnyOrder(
                new ConfigProblem("self_learning.monitor_min_trades", "must be between 10 and 1000000, got 5"),
                new ConfigProblem("self_learning.monitor_horizon_trades", "must be between 10 and 10000000, got 0"),
                new ConfigProblem("self_learning.rollback_false_alarm_rate", "must be > 0 and < 0.5, got 0.5"));
        assertThat(problems("""
                self_learning:
                  monitor_min_trades: 200
                  monitor_horizon_trades: 100
                  rollback_false_alarm_rate: 0
                """)).containsExactlyInAnyOrder(
                new ConfigProblem("self_learning.monitor_horizon_trades", "must be >= monitor_min_trades (200), got 100"),
                new ConfigProblem("self_learning.rollback_false_alarm_rate", "must be > 0 and < 0.5, got 0.0"));
        SelfLearningConfig chosen = ConfigLoader.parse("""
                self_learning:
                  monitor_min_trades: 40
                  rollback_false_alarm_rate: 0.01
                  monitor_horizon_trades: 1000
                """, Map.of()).selfLearning();
        assertThat(chosen.monitorMinTrades()).isEqualTo(40);
        assertThat(chosen.rollbackFalseAlarmRate()).isEqualTo(0.01);
        assertThat(chosen.monitorHorizonTrades()).isEqualTo(1000);
    }

    @Test
    void theModelTypesAreOneOrMoreKnownFamiliesEachOnce() {
        for (String bad : List.of("[]", "[cnn, gru]", "[lstm, lstm]")) {
            assertThat(problems("self_learning:\n  model_types: " + bad + "\n")).as(bad).containsExactly(
                    new ConfigProblem("self_learning.model_types", "must list one or more of [cnn, lstm], each once, "
                            + "got " + bad));
        }
        assertThat(ConfigLoader.parse("self_learning:\n  model_types: [lstm]\n", Map.of()).selfLearning()
                .modelTypes()).containsExactly("lstm");
    }

    @Test
    void outOfRangeValuesNameTheRange() {
        assertThat(problems("""
                self_learning:
                  min_eval_winrate_for_promotion: 120
                  performance_monitor_window_trades: -5
                  rollback_threshold_winrate_drop: 1e400
                  promotion_significance: 0
                  improvement_significance: 0.6
                dashboard:
                  port: 70000
                kafka:
                  streams_commit_interval_ms: 0
                paper_trading:
                  replay_speed: 0
                  okx_allowed_lateness_ms: 60001
                  okx_subscribe_timeout_ms: 99
                  okx_rest_url: "ftp://www.okx.com"
                """)).containsExactlyInAnyOrder(
                new ConfigProblem("paper_trading.okx_allowed_lateness_ms", "must be between 0 and 60000, got 60001"),
                new ConfigProblem("paper_trading.okx_subscribe_timeout_ms", "must be between 100 and 600000, got 99"),
                new ConfigProblem("paper_trading.okx_rest_url",
                        "must be an http:// or https:// URL, got 'ftp://www.okx.com'"),
                new ConfigProblem("self_learning.min_eval_winrate_for_promotion", "must be between 0 and 100, got 120.0"),
                new ConfigProblem("self_learning.performance_monitor_window_trades", "must be >= 1, got -5"),
                new ConfigProblem("self_learning.rollback_threshold_winrate_drop", "must be a finite number, got Infinity"),
                new ConfigProblem("self_learning.promotion_significance", "must be > 0 and <= 0.5, got 0.0"),
                new ConfigProblem("self_learning.improvement_significance", "must be > 0 and <= 0.5, got 0.6"),
                new ConfigProblem("paper_trading.replay_speed", "must be > 0 and <= 1000000, got 0.0"),
                new ConfigProblem("dashboard.port", "must be between 0 and 65535, got 70000"),
                new ConfigProblem("kafka.streams_commit_interval_ms", "must be between 1 and 60000, got 0"));
    }

    @Test
    void crossKeyRulesAreChecked() {
        assertThat(problems("""
                kafka:
                  bootstrap_servers: "localhost"
                  producer:
                    publish_queue_capacity: 100
                    max_in_flight_records: 500
                schema_registry:
                  mode: url
                paper_trading:
                  symbols: [BTC-USDT-SWAP, BTC-USDT-SWAP]
                """)).containsExactlyInAnyOrder(
                new ConfigProblem("kafka.bootstrap_servers",
                        "expected a comma-separated list of host:port (port 1..65535), got 'localhost'"),
                new ConfigProblem("kafka.producer.max_in_flight_records", "must be <= publish_queue_capacity (100), got 500"),
                new ConfigProblem("schema_registry.url", "is required when mode is url"),
                new ConfigProblem("paper_trading.symbols", "must not repeat a symbol, got [BTC-USDT-SWAP, BTC-USDT-SWAP]"));
    }

    @Test
    void serviceSectionsHaveTheirDefaultsAndRanges() {
        OmegaConfig defaults = OmegaConfig.defaults();
        assertThat(defaults.sink()).isEqualTo(new SinkConfig("omega-sink", 100, 60_000,
                SinkConfig.ParquetCompression.ZSTD, 60, ""));
        assertThat(defaults.registry()).isEqualTo(new RegistryServiceConfig("127.0.0.1", 8081, 10_000, ""));
        assertThat(defaults.training()).isEqualTo(new TrainingConfig(7, 50, 32, 50, 10,
                TrainingConfig.TargetType.DIRECTION, 10, 0.001, 42, 0.15, 0.15));
        assertThat(defaults.metrics()).isEqualTo(new MetricsConfig("127.0.0.1", 9401, 9402, 9403));
        assertThat(defaults.paperTrading().okxRestUrl()).isEqualTo("https://www.okx.com");
        assertThat(defaults.paperTrading().okxAllowedLatenessMs()).isEqualTo(2_000);
        assertThat(defaults.paperTrading().okxSubscribeTimeoutMs()).isEqualTo(10_000);
        assertThat(problems("""
                sink:
                  flush_records: 0
                  compression: lzo
                registry:
                  port: -1
                metrics:
                  trainer_port: 70000
                training:
                  window_size: 1
                  validation_fraction: 0.5
                  test_fraction: 0.45
                """)).containsExactlyInAnyOrder(
                new ConfigProblem("sink.flush_records", "must be between 1 and 10000000, got 0"),
                new ConfigProblem("sink.compression", "expected one of zstd, snappy, uncompressed, got 'lzo'"),
                new ConfigProblem("registry.port", "must be between 0 and 65535, got -1"),
                new ConfigProblem("training.window_size", "must be between 2 and 10000, got 1"),
                new ConfigProblem("metrics.trainer_port", "must be between 0 and 65535, got 70000"),
                new ConfigProblem("training.test_fraction",
                        "validation_fraction + test_fraction must leave at least 10 % for training, got 0.95"));
    }

    @Test
    void malformedYamlNamesTheLine() {
        List<ConfigProblem> problems = problems("self_learning:\n  keep_logs_days: 5\n   bad: [\n");
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).keyPath()).isEqualTo("configuration");
        assertThat(problems.get(0).message()).startsWith("invalid YAML at line 3");
    }

    @Test
    void aDuplicatedKeyIsRefused() {
        List<ConfigProblem> problems = problems("dashboard:\n  port: 1\n  port: 2\n");
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).message()).contains("Duplicate field 'port'");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.yaml");
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(missing, Map.of()));
        assertThat(e.problems()).containsExactlyInAnyOrder(new ConfigProblem(missing.toString(), "configuration file not found"));
    }

    @Test
    void environmentOverridesApplyWithTheirTypes() throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "self_learning:\n  min_trades_before_retrain: 100\n");
        OmegaConfig config = ConfigLoader.load(file, Map.of(
                "OMEGA_SELF_LEARNING__MIN_TRADES_BEFORE_RETRAIN", "200",
                "OMEGA_SELF_LEARNING__ENABLE_SHADOW_MODE", "true",
                "OMEGA_SELF_LEARNING__MIN_EVAL_SHARPE_FOR_PROMOTION", "1.5",
                "OMEGA_KAFKA__PRODUCER__LINGER_MS", "0",
                "OMEGA_PAPER_TRADING__SYMBOLS", "[BTC-USDT-SWAP, ETH-USDT-SWAP]",
                "OMEGA_DASHBOARD__ADMIN_TOKEN", "s3cret",
                "OMEGA_HOME", "/opt/omega",
                "PATH", "/usr/bin"));
        assertThat(config.selfLearning().minTradesBeforeRetrain()).isEqualTo(200);
        assertThat(config.selfLearning().enableShadowMode()).isTrue();
        assertThat(config.selfLearning().minEvalSharpeForPromotion()).isEqualTo(1.5);
        assertThat(config.kafka().producer().lingerMs()).isZero();
        assertThat(config.paperTrading().symbols()).containsExactlyInAnyOrder("BTC-USDT-SWAP", "ETH-USDT-SWAP");
        assertThat(config.dashboard().adminToken()).isEqualTo("s3cret");
    }

    @Test
    void badOverridesNameTheVariable() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse("", Map.of(
                "OMEGA_SELF_LEARNING__KEEP_LOGS_DAYS", "0",
                "OMEGA_SELF_LEARNING__KEEP_LOG_DAYS", "5",
                "OMEGA_NOPE__X", "1")));
        assertThat(e.problems()).containsExactlyInAnyOrder(
                new ConfigProblem("nope", "unknown section (from OMEGA_NOPE__X)"),
                new ConfigProblem("self_learning.keep_logs_days", "must be >= 1, got 0 (from OMEGA_SELF_LEARNING__KEEP_LOGS_DAYS)"),
                new ConfigProblem("self_learning.keep_log_days",
                        "unknown key (did you mean keep_logs_days?) (from OMEGA_SELF_LEARNING__KEEP_LOG_DAYS)"));
    }

    @Test
    void theMessageListsEveryProblemOnItsOwnLine() {
        assertThatThrownBy(() -> ConfigLoader.parse("dashboard:\n  port: -1\n  host: ''\n", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("dashboard.host: must not be blank\ndashboard.port: must be between 0 and 65535, got -1");
    }

    @Test
    void theTokenNeverAppearsInToString() {
        DashboardConfig dashboard = new DashboardConfig("127.0.0.1", 8080, "s3cret");
        assertThat(dashboard.toString()).doesNotContain("s3cret").contains("adminToken=***");
        assertThat(new OmegaConfig(null, null, null, null, null, dashboard, null, null, null, null).toString()).doesNotContain("s3cret");
    }

    private static List<ConfigProblem> problems(String yaml) {
        return catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(yaml, Map.of())).problems();
    }
}
