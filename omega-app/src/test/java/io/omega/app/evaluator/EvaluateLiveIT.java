package io.omega.app.evaluator;

import io.omega.app.CliRun;
import io.omega.config.ConfigLoader;
import io.omega.config.OmegaConfig;
import io.omega.schemas.event.TargetType;
import io.omega.experience.ExperienceRecorder;
import io.omega.learning.artifact.ModelArtifactStore;
import io.omega.learning.model.ModelType;
import io.omega.paper.PaperTrader;
import io.omega.paper.decide.BaselineRules;
import io.omega.paper.decide.ModelDecider;
import io.omega.paper.market.Bar;
import io.omega.paper.ReplayData;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.schemas.topic.TopicInstaller;
import io.omega.schemas.topic.Topics;
import io.omega.sink.decode.RowMapper;
import io.omega.store.ExperienceKind;
import io.omega.store.ExperienceRow;
import io.omega.store.ExperienceStore;
import io.omega.store.format.AtomicFiles;
import io.omega.store.format.ParquetFormat;
import io.omega.store.layout.ExperienceLayout;
import io.omega.testing.kafka.CommittedRecords;
import io.omega.testing.kafka.KafkaBrokerExtension;
import io.omega.testing.kafka.KafkaTestBroker;
import io.omega.trainer.dl4j.DeepLearningCandidateTrainer;
import io.omega.trainer.dl4j.TrainingRows;
import io.omega.trainer.job.TrainingJob;
import io.omega.schemas.event.TrainingReason;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code omega evaluate --live}: the engine trades on real bars with the rules, a model is trained on what it
 * logged and put into production, and the engine goes on with it. The command then replays that model over its live
 * stint from the experience files alone and must give every live trade again (exit 0); with other costs than the
 * engine had, the same replay must say where it differs (exit 1).
 */
@ExtendWith(KafkaBrokerExtension.class)
class EvaluateLiveIT {

    private static final String SYMBOL = "BTC-LIVE-REPLAY";
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) trade\\(s\\), (\\d+) differ");

    @TempDir
    Path dataDir;

    @Test
    void replaysTheModelsLiveStintTradeByTrade(KafkaTestBroker kafka) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            new TopicInstaller(admin, 3, (short) 1, Duration.ofSeconds(30)).install(Topics.all());
        }
        String yaml = """
                kafka:
                  bootstrap_servers: "%s"
                storage:
                  data_dir: "%s"
                paper_trading:
                  symbols: ["%s"]
                  decision_threshold: 0.34
                  fee_rate: %s
                """;
        Path configFile = dataDir.resolve("config.yaml");
        Files.writeString(configFile, yaml.formatted(bootstrap, dataDir, SYMBOL, "0.0005"));
        OmegaConfig config = ConfigLoader.load(configFile, Map.of());
        OmegaSerdes serdes = new OmegaSerdes(config.schemaRegistry());

        List<Bar> bars = recentBars(2_400);
        Clock clock = Clock.systemUTC();
        String version;
        try (ExperienceRecorder recorder = ExperienceRecorder.create(config.kafka(), 20_000,
                serdes.valueSerializer(SpecificRecord.class), clock)) {
            PaperTrader trader = new PaperTrader(config.paperTrading(), recorder, Duration.ofMinutes(1), new BaselineRules());
            bars.subList(0, 1_200).forEach(trader::onBar);
            writeExperience(bootstrap, serdes, trader.stats());

            version = new DeepLearningCandidateTrainer(config.training(), new TrainingRows(new ExperienceStore(dataDir, clock)),
                    new ModelArtifactStore(dataDir, clock), dataDir, e -> { })
                    .train(new TrainingJob("r", "cnn", 2, 2, 32, 20, 5, TargetType.DIRECTION, TrainingReason.MANUAL, "it"))
                    .version();
            trader.useProduction(new ModelDecider(new ModelArtifactStore(dataDir, clock).loadModel(ModelType.CNN, version)));
            bars.subList(1_200, bars.size()).forEach(trader::onBar);
            writeExperience(bootstrap, serdes, trader.stats());
        }

        CliRun replay = CliRun.of("evaluate", "--config", configFile.toString(), "--model-type", "cnn", "--version",
                version, "--days-back", "2", "--live");
        assertThat(replay.exit()).as(replay.out() + replay.err()).isZero();
        assertThat(replay.out()).contains("Symbol " + SYMBOL + ": 1200 live decisions, 0 decided differently on replay")
                .contains("the replay gives the live record exactly").doesNotContain("DIFFERS");
        Matcher summary = SUMMARY.matcher(replay.out());
        assertThat(summary.find()).isTrue();
        int trades = Integer.parseInt(summary.group(1));
        assertThat(trades).as(replay.out()).isPositive();
        assertThat(summary.group(2)).isEqualTo("0");
        assertThat(replay.out().lines().filter(l -> l.endsWith("| same")).count()).isEqualTo(trades);

        // The same logs replayed with another fee than the engine paid: every trade's PnL differs.
        Files.writeString(configFile, yaml.formatted(bootstrap, dataDir, SYMBOL, "0.001"));
        CliRun otherCosts = CliRun.of("evaluate", "--config", configFile.toString(), "--model-type", "cnn", "--version",
                version, "--days-back", "2", "--live");
        assertThat(otherCosts.exit()).isEqualTo(1);
        assertThat(otherCosts.out()).contains(trades + " trade(s), " + trades + " differ")
                .contains("the replay differs from the live record");

        CliRun notInProduction = CliRun.of("evaluate", "--config", configFile.toString(), "--model-type", "cnn",
                "--version", "20200101_000000", "--days-back", "2", "--live");
        assertThat(notInProduction.exit()).isNotZero();
        assertThat(notInProduction.err()).contains("cnn 20200101_000000 made no production decision in the last 2 day(s)");
    }

    /** The first {@code count} bundled Bitstamp minutes, shifted to end now (the store reads the last days). */
    private List<Bar> recentBars(int count) {
        List<Bar> bars = ReplayData.BITSTAMP_BTC_TRADES.bars(SYMBOL).subList(0, count);
        Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Duration shift = Duration.between(bars.get(bars.size() - 1).start().plus(Duration.ofMinutes(1)), end);
        return bars.stream().map(b -> new Bar(b.symbol(), b.start().plus(shift), b.open(), b.high(), b.low(), b.close(),
                b.volume(), b.trades())).toList();
    }

    /** What the sink would have written: every record of this test's symbol, mapped to rows, one file per kind and day. */
    private void writeExperience(String bootstrap, OmegaSerdes serdes, PaperTrader.Stats stats) throws IOException {
        Deserializer<SpecificRecord> decode = serdes.valueDeserializer(SpecificRecord.class);
        ExperienceLayout layout = new ExperienceLayout(dataDir);
        ParquetFormat parquet = new ParquetFormat(CompressionCodecName.ZSTD);
        Path experiences = dataDir.resolve("experiences");
        if (Files.exists(experiences)) {
            try (Stream<Path> files = Files.walk(experiences)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        write(layout, parquet, ExperienceKind.DECISIONS, Topics.DECISIONS.name(), (int) stats.decisions(), decode, bootstrap);
        write(layout, parquet, ExperienceKind.EXECUTIONS, Topics.EXECUTIONS.name(), (int) stats.executions(), decode, bootstrap);
        write(layout, parquet, ExperienceKind.OUTCOMES, Topics.OUTCOMES.name(), (int) stats.outcomes(), decode, bootstrap);
    }

    private static <R extends ExperienceRow> void write(ExperienceLayout layout, ParquetFormat parquet, ExperienceKind<R> kind,
                                                        String topic, int expected, Deserializer<SpecificRecord> decode,
                                                        String bootstrap) throws IOException {
        List<R> rows = new ArrayList<>();
        long[] offset = {0};
        CommittedRecords.read(bootstrap, topic, r -> r.value() != null && r.key() != null && SYMBOL.equals(new String(r.key(),
                        java.nio.charset.StandardCharsets.UTF_8)), expected, Duration.ofSeconds(1))
                .forEach(r -> {
                    @SuppressWarnings("unchecked")
                    R row = (R) RowMapper.toRow(decode.deserialize(r.topic(), r.value()), 0, offset[0]++);
                    rows.add(row);
                });
        assertThat(rows).as(topic).hasSize(expected);
        Map<LocalDate, List<R>> byDay = new TreeMap<>();
        for (R row : rows) {
            byDay.computeIfAbsent(LocalDate.ofInstant(row.eventTime(), ZoneOffset.UTC), d -> new ArrayList<>()).add(row);
        }
        long first = 0;
        for (var day : byDay.entrySet()) {
            List<R> dayRows = day.getValue();
            Path file = layout.partFile(kind, day.getKey(), 0, first, first + dayRows.size() - 1, ParquetFormat.EXTENSION);
            first += dayRows.size();
            AtomicFiles.write(file, temp -> parquet.write(kind, dayRows, temp, Map.of()));
        }
    }
}
