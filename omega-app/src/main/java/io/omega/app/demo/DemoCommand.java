package io.omega.app.demo;

import io.omega.app.trainer.CandidateTrainers;
import io.omega.config.ConfigLoader;
import io.omega.config.OmegaConfig;
import io.omega.config.SelfLearningConfig;
import io.omega.controller.ControllerService;
import io.omega.evaluator.evaluate.Evaluators;
import io.omega.evaluator.loop.EvaluatorService;
import io.omega.evaluator.loop.EvaluatorSettings;
import io.omega.evaluator.loop.EvaluatorWorker;
import io.omega.kafka.embedded.BrokerSettings;
import io.omega.kafka.embedded.EmbeddedKafkaBroker;
import io.omega.paper.BarSource;
import io.omega.paper.PaperTrader;
import io.omega.paper.ReplayData;
import io.omega.paper.ReplayPacing;
import io.omega.paper.Replay;
import io.omega.paper.ReplayRunner;
import io.omega.paper.market.generated.GeneratedMarket;
import io.omega.registry.RegistryService;
import io.omega.registry.model.ProductionTenure;
import io.omega.registry.client.RegistryTopics;
import io.omega.schemas.event.ControllerEvent;
import io.omega.schemas.event.ControllerEventType;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.schemas.topic.TopicInstaller;
import io.omega.schemas.topic.Topics;
import io.omega.service.ServiceGroup;
import io.omega.sink.SinkService;
import io.omega.sink.SinkSettings;
import io.omega.sink.TradeLoggerSink;
import io.omega.trainer.loop.TrainerService;
import io.omega.trainer.loop.TrainerSettings;
import io.omega.trainer.loop.TrainerWorker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code omega demo}: the whole loop in one JVM, on an embedded Kafka broker and the embedded schema registry: the
 * paper trader replays six days of real BTC trades, the sink keeps them as Parquet, the controller asks for
 * training, the trainer trains CNN and LSTM candidates, the registry registers them, the evaluator backtests them
 * against production, the controller promotes (or declines), the paper trader switches to the promoted model with
 * the newest candidate in shadow, and the live monitor watches production and rolls it back when it degrades.
 * Nothing is forced: every step happens because the data made it happen.
 */
@Command(name = "demo", description = "Run the whole self-learning loop in one JVM on bundled real market data "
        + "(or a generated market: --scenario; or your own file: --replay-file).")
public final class DemoCommand implements Callable<Integer> {

    /** The promotion gate's answers to a completed evaluation. */
    static final List<ControllerEventType> GATE_DECISIONS = List.of(ControllerEventType.PROMOTION_DECLINED,
            ControllerEventType.PROMOTION_PENDING, ControllerEventType.PROMOTION_REQUESTED);
    /**
     * How long the end of the replay waits for the last trainings, evaluations and gate decisions: a guard, since the
     * wait ends as soon as they have landed; long enough for a queue of trainings on a busy two-core machine.
     */
    private static final Duration SETTLE_AT_MOST = Duration.ofMinutes(5);
    /**
     * With the replay held at each retraining, the bars in between can go 7.5 times faster; the sink flushes 7.5
     * times as often, so that a training still finds the same stretch of recent market time on file.
     */
    private static final Map<String, String> SETTLED_PACE = Map.of("OMEGA_PAPER_TRADING__REPLAY_SPEED", "30000",
            "OMEGA_SINK__FLUSH_INTERVAL_MS", "266",
            // The hold waits for the live monitor's verdict on each trade, one repartition hop and so one commit away.
            "OMEGA_KAFKA__STREAMS_COMMIT_INTERVAL_MS", "10",
            // Only trade counts trigger a retraining: a wall-clock schedule would fire at a different bar on every run.
            "OMEGA_SELF_LEARNING__RETRAIN_INTERVAL_HOURS", "1000000");
    /**
     * How long a held replay waits for one retraining to be answered before it goes on regardless: only a guard
     * against a loop that stopped answering, far above a training's time even on a busy machine.
     */
    private static final Duration HOLD_AT_MOST = Duration.ofMinutes(10);

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", description = "where the demo keeps its broker data, experiences, models and "
            + "reports (default: a new directory under data/)")
    Path dataDir;

    @Option(names = "--keep-running", description = "leave the dashboard up after the replay, until Ctrl-C")
    boolean keepRunning;

    @Option(names = "--dashboard-port", defaultValue = "8080", description = "default: ${DEFAULT-VALUE} (0: any free port)")
    int dashboardPort;

    @Option(names = "--minutes", defaultValue = "5", description = "stop the replay after this long (default: ${DEFAULT-VALUE})")
    double minutes;

    @Option(names = "--scenario", defaultValue = "bitstamp", paramLabel = "NAME", description = "the market: bitstamp "
            + "(the bundled real BTC trades), or generated one-minute bars whose truth is known: random-walk (nothing "
            + "to learn), planted-signal (1.5 %% shocks that mostly revert within half an hour: a model can learn it, the "
            + "engine's momentum rules lose on it), regime-flip (nine days; shocks revert in the first half and go "
            + "on in the second) (default: ${DEFAULT-VALUE})")
    String scenario;

    @CommandLine.Mixin
    io.omega.app.paper.ReplayFileOptions replayFile;

    @Option(names = "--seed", defaultValue = "1", description = "the generated market's seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--signal-strength", defaultValue = GeneratedMarket.DEFAULT_STRENGTH_TEXT, description =
            "planted-signal and regime-flip: how often a shock's aftermath goes the planted way, 0.5 (a coin) .. 1 "
                    + "(default: ${DEFAULT-VALUE})")
    double signalStrength;

    @Option(names = "--model-type", defaultValue = "cnn", paramLabel = "TYPE", description = "the model family the "
            + "loop trains, promotes and the engine trades: cnn or lstm (default: ${DEFAULT-VALUE})")
    String modelType;

    @Option(names = "--settle-each-retrain", description = "hold the replay at each retraining until it is trained, "
            + "evaluated, judged and in production, and after each closed trade until the live monitor has judged it "
            + "and any rollback is in production, so that the outcome depends on the data and not on this machine's "
            + "speed; the bars in between replay 7.5 times faster")
    boolean settleEachRetrain;

    /** What a finished run hands to {@link #inspect} before it closes: the running loop and what it did. */
    public record DemoRun(String modelType, OmegaConfig config, BarSource market, RegistryService registry, ControllerService controller,
                   TrainerWorker trainer, EvaluatorWorker evaluator, TradeLoggerSink sink, PaperTrader.Stats stats,
                   ProductionLog production) {
    }

    private java.util.function.Consumer<DemoRun> inspect = run -> { };

    /** Looks at a finished run before it closes (the validity check reads its outcome here). */
    public void inspect(java.util.function.Consumer<DemoRun> inspector) {
        this.inspect = inspector;
    }

    /** The market the replay plays: the bundled trades, a generated scenario, or the user's own file. */
    BarSource market() {
        replayFile.check(spec, "--scenario " + scenario, !"bitstamp".equals(scenario));
        if (replayFile.given()) {
            return replayFile.load(configuredSymbol(), spec.commandLine().getOut());
        }
        if ("bitstamp".equals(scenario)) {
            return ReplayData.BITSTAMP_BTC_TRADES;
        }
        try {
            return GeneratedMarket.of(GeneratedMarket.Scenario.parse(scenario), seed).withStrength(signalStrength);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--scenario / --signal-strength: "
                    + e.getMessage() + (e.getMessage().startsWith("unknown scenario") ? " or bitstamp" : ""));
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!SelfLearningConfig.KNOWN_MODEL_TYPES.contains(modelType)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--model-type: expected one of "
                    + SelfLearningConfig.KNOWN_MODEL_TYPES + ", got '" + modelType + "'");
        }
        BarSource market = market();
        long started = System.nanoTime();
        Path dir = dataDir != null ? dataDir : Path.of("data", "demo-" + LocalDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Optional<String> used = PreviousRun.in(dir);
        if (used.isPresent()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--data-dir: " + used.get());
        }
        Files.createDirectories(dir);
        out.println("OMEGA demo: data under " + dir.toAbsolutePath());
        out.flush();
        List<AutoCloseable> open = new ArrayList<>();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(new LineDroppingOutput(stdout, "Added differentiated op"), true,
                StandardCharsets.UTF_8));
        try {
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerSettings.loopback(dir.resolve("kafka")));
            open.add(broker);
            OmegaConfig config = ConfigLoader.parse(template()
                    .replace("${bootstrap_servers}", broker.bootstrapServers())
                    .replace("${data_dir}", dir.toAbsolutePath().toString().replace("\\", "/"))
                    .replace("${dashboard_port}", Integer.toString(dashboardPort))
                    .replace("${model_type}", modelType), settleEachRetrain ? SETTLED_PACE : Map.of());
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                new TopicInstaller(admin, config.kafka().topicPartitions(), (short) 1, Duration.ofSeconds(30))
                        .install(Topics.all());
            }
            out.println("Kafka ready on " + broker.bootstrapServers() + ", topics installed");
            OmegaSerdes serdes = new OmegaSerdes(config.schemaRegistry());
            Clock clock = Clock.systemUTC();

            RegistryService registry = new RegistryService(config, serdes, RegistryTopics.catalogue());
            SinkService sinkService = new SinkService(SinkSettings.from(config), serdes, clock);
            TradeLoggerSink sink = sinkService.sink();
            AtomicReference<String> lastEpoch = new AtomicReference<>("");
            TrainerWorker trainer = TrainerWorker.create(TrainerSettings.from(config.kafka()), serdes,
                    CandidateTrainers.deepLearning(config, epoch -> lastEpoch.set(String.format(Locale.ROOT,
                            "epoch %d/%d, loss %.4f, validation accuracy %.3f", epoch.epoch(), epoch.maxEpochs(),
                            epoch.trainLoss(), epoch.validation().accuracy()))), clock);
            EvaluatorWorker evaluator = EvaluatorWorker.create(EvaluatorSettings.from(config),
                    Evaluators.fromConfig(config, clock), config.storage().dataDir(), serdes, clock);
            ControllerService controller = new ControllerService(config, serdes, dir.resolve("controller"));
            ServiceGroup services = ServiceGroup.start(List.of(registry, sinkService, TrainerService.of(trainer),
                    EvaluatorService.of(evaluator), controller));
            open.add(0, services);
            out.println("Registry, sink, trainer, evaluator and controller running; dashboard on " + controller.url());
            out.flush();

            AtomicReference<PaperTrader> trader = new AtomicReference<>();
            Progress progress = new Progress(out, started, trader, sink, registry, controller, trainer, evaluator,
                    lastEpoch);
            Thread reporter = new Thread(progress, "demo-progress");
            reporter.setDaemon(true);
            reporter.start();
            long deadline = started + (long) (minutes * 60e9);
            Supplier<Optional<String>> registryProduction =
                    () -> registry.client().getCurrentProductionModel(modelType).map(m -> m.version());
            ReplayPacing settle = !settleEachRetrain ? ReplayPacing.NONE : new RetrainSettling(
                    () -> controller.view().eventCounts().getOrDefault(ControllerEventType.RETRAIN_TRIGGERED.name(), 0L),
                    () -> controller.view().loggedTrades(),
                    new LoopSettling(() -> counts(trainer, evaluator, controller), Duration.ofMillis(200)),
                    new VerdictSettling(controller.monitor().progress()::outcomesRead,
                            controller.monitor().progress()::rollbacksRequested,
                            () -> registry.client().history(modelType).stream()
                                    .filter(ProductionTenure::leftByRollback).count(),
                            registryProduction),
                    registryProduction,
                    () -> controller.view().eventCounts().getOrDefault(
                            ControllerEventType.PROMOTION_REQUESTED.name(), 0L),
                    () -> registry.client().history(modelType).stream()
                            .filter(ProductionTenure::enteredByPromotion).count(),
                    config.selfLearning().minTradesBeforeRetrain(), HOLD_AT_MOST);
            ProductionLog production = new ProductionLog();
            ReplayPacing pacing = t -> {
                settle.afterBar(t);
                production.afterBar(t);
            };
            PaperTrader.Stats stats = new ReplayRunner(config, serdes, modelType, out).run(Replay.of(market)
                    .named(replayFile.symbol(config.paperTrading().symbols().get(0))).endingAt(Instant.now())
                    .pacedBy(pacing).onStart(trader::set),
                    () -> System.nanoTime() > deadline || services.firstEnded().isDone());
            ServiceGroup.Ending ended = services.firstEnded().getNow(null);
            if (ended != null) {
                // A loop with a part missing teaches nothing: say which part and why, instead of a summary.
                progress.stop();
                out.flush();
                spec.commandLine().getErr().println("demo: " + ended.describe() + "; the replay stopped after "
                        + stats.bars() + " bars");
                return 1;
            }
            out.println("Replay over; letting the last trainings, evaluations and gate decisions land...");
            out.flush();
            LoopSettling.Counts settled = new LoopSettling(() -> counts(trainer, evaluator, controller),
                    Duration.ofSeconds(1)).await(SETTLE_AT_MOST);
            if (!settled.settled()) {
                out.println("(stopped waiting after " + SETTLE_AT_MOST.toSeconds() + " s: " + settled + ")");
            }
            progress.stop();
            summary(out, started, stats, sink, registry, controller, trainer, evaluator,
                    config.selfLearning().modelTypes());
            inspect.accept(new DemoRun(modelType, config, market, registry, controller, trainer, evaluator, sink, stats,
                    production));
            if (keepRunning) {
                out.println("Dashboard stays up on " + controller.url() + " — Ctrl-C to stop.");
                out.flush();
                CountDownLatch stop = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
                stop.await();
            }
            return 0;
        } finally {
            for (AutoCloseable c : open) {
                try {
                    c.close();
                } catch (Exception e) {
                    // keep closing
                }
            }
            System.setOut(stdout);
        }
    }

    private static LoopSettling.Counts counts(TrainerWorker trainer, EvaluatorWorker evaluator,
                                              ControllerService controller) {
        Map<String, Long> events = controller.view().eventCounts();
        TrainerWorker.Stats trained = trainer.stats();
        EvaluatorWorker.Stats evaluated = evaluator.stats();
        long gate = GATE_DECISIONS.stream().mapToLong(type -> events.getOrDefault(type.name(), 0L)).sum();
        return new LoopSettling.Counts(events.getOrDefault(ControllerEventType.RETRAIN_TRIGGERED.name(), 0L),
                trained.succeeded() + trained.failed(), trained.succeeded(), evaluated.completed() + evaluated.failed(),
                evaluated.completed(), gate);
    }

    /** The demo configuration's first symbol, the name of the replayed series unless --symbol says otherwise. */
    private static String configuredSymbol() {
        try {
            // only the symbols are read: the broker, directory and port are not known yet and do not matter here
            return ConfigLoader.parse(template().replace("${bootstrap_servers}", "localhost:9092")
                    .replace("${data_dir}", "data").replace("${dashboard_port}", "0").replace("${model_type}", "cnn"),
                    Map.of())
                    .paperTrading().symbols().get(0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String template() throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream("/demo/demo.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void summary(PrintWriter out, long started, PaperTrader.Stats stats, TradeLoggerSink sink,
                                RegistryService registry, ControllerService controller, TrainerWorker trainer,
                                EvaluatorWorker evaluator, List<String> modelTypes) {
        Map<String, Long> events = controller.view().eventCounts();
        out.println();
        out.printf("Summary after %.0f s%n", (System.nanoTime() - started) / 1e9);
        out.printf("  market:      %d bars replayed; %d decisions, %d shadow decisions (%d shadow failures)%n",
                stats.bars(), stats.decisions(), stats.shadowDecisions(), stats.shadowFailures());
        out.printf("  trades:      %d opened, %d closed%n", stats.executions(), stats.outcomes());
        var logged = sink.stats().snapshot();
        out.printf("  experience:  %s logged in %d Parquet files%n", logged.entrySet().stream()
                .map(e -> e.getValue().totalLogged() + " " + e.getKey()).collect(Collectors.joining(", ")),
                logged.values().stream().mapToLong(k -> k.filesCreated()).sum());
        TrainerWorker.Stats trained = trainer.stats();
        EvaluatorWorker.Stats evaluated = evaluator.stats();
        out.printf("  training:    %d candidates trained, %d failed%n", trained.succeeded(), trained.failed());
        out.printf("  evaluation:  %d backtests against production, %d failed%n", evaluated.completed(),
                evaluated.failed());
        out.printf("  promotion:   %d promoted, %d declined, %d awaiting approval%n",
                count(events, ControllerEventType.PROMOTION_REQUESTED), count(events, ControllerEventType.PROMOTION_DECLINED),
                count(events, ControllerEventType.PROMOTION_PENDING));
        if (count(events, ControllerEventType.PROMOTION_REQUESTED) == 0 && evaluated.completed() > 0) {
            out.println("               no candidate passed every test of the gate on this data (each decline says "
                    + "which test and by how much: omega models list, the dashboard's events); the engine kept its "
                    + "rules");
        }
        out.printf("  live check:  %d degradation(s) detected, %d rollback(s) asked for%n",
                count(events, ControllerEventType.DEGRADATION_DETECTED), count(events, ControllerEventType.ROLLBACK_REQUESTED));
        for (String type : modelTypes) {
            out.printf("  registry %-4s %d model(s), production %s; production history: %s%n", type,
                    registry.client().list(type).size(), registry.client().getCurrentProductionModel(type)
                            .map(m -> m.version()).orElse("none (the engine's rules)"),
                    registry.client().history(type).stream().map(t -> t.version() + " " + t.enteredBy()
                            + (t.leftHow() == null ? " (current)" : ", left " + t.leftHow())).toList());
        }
        Map<String, Object> status = controller.getLearningStatus();
        out.printf("  shadow:      %d candidate(s) scored beside production%n", ((List<?>) status.get("shadow")).size());
        out.println("  dashboard:   " + controller.url());
        out.flush();
    }

    private static long count(Map<String, Long> events, ControllerEventType type) {
        return events.getOrDefault(type.name(), 0L);
    }

    /** Prints what the loop is doing every few seconds. */
    private static final class Progress implements Runnable {
        private final PrintWriter out;
        private final long started;
        private final AtomicReference<PaperTrader> trader;
        private final TradeLoggerSink sink;
        private final RegistryService registry;
        private final ControllerService controller;
        private final TrainerWorker trainer;
        private final EvaluatorWorker evaluator;
        private final AtomicReference<String> lastEpoch;
        private volatile boolean stopped;
        private final Set<String> printed = new HashSet<>();
        private final Map<String, String> production = new HashMap<>();

        Progress(PrintWriter out, long started, AtomicReference<PaperTrader> trader, TradeLoggerSink sink,
                 RegistryService registry, ControllerService controller, TrainerWorker trainer,
                 EvaluatorWorker evaluator, AtomicReference<String> lastEpoch) {
            this.out = out;
            this.started = started;
            this.trader = trader;
            this.sink = sink;
            this.registry = registry;
            this.controller = controller;
            this.trainer = trainer;
            this.evaluator = evaluator;
            this.lastEpoch = lastEpoch;
        }

        void stop() {
            stopped = true;
        }

        @Override
        public void run() {
            while (!stopped) {
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    return;
                }
                if (stopped) {
                    return;
                }
                PaperTrader t = trader.get();
                long files = sink.stats().snapshot().values().stream().mapToLong(k -> k.filesCreated()).sum();
                out.printf("[%3.0f s] %s | parquet files %d | trained %d | evaluated %d | models cnn %d, lstm %d | %s%n",
                        (System.nanoTime() - started) / 1e9,
                        t == null ? "starting" : String.format("bars %d, decisions %d (+%d shadow), trades %d/%d",
                                t.stats().bars(), t.stats().decisions(), t.stats().shadowDecisions(),
                                t.stats().executions(), t.stats().outcomes()),
                        files, trainer.stats().succeeded(), evaluator.stats().completed(),
                        registry.client().list("cnn").size(), registry.client().list("lstm").size(), lastEpoch.get());
                List<ControllerEvent> events = controller.view().recentEvents();
                // recentEvents is newest first; print the ones not printed yet, oldest first
                for (int i = events.size() - 1; i >= 0; i--) {
                    ControllerEvent e = events.get(i);
                    if (printed.add(e.getId())) {
                        out.printf("         controller: %s %s %s — %s%n", e.getEventType(), e.getModelType(),
                                e.getVersion() == null ? "" : e.getVersion(), e.getReason());
                    }
                }
                for (String type : List.of("cnn", "lstm")) {
                    String now = registry.client().getCurrentProductionModel(type).map(m -> m.version())
                            .orElse("none (the engine's rules)");
                    String before = production.put(type, now);
                    if (before != null && !before.equals(now)) {
                        out.printf("         registry:   %s production %s -> %s%n", type, before, now);
                    }
                }
                out.flush();
            }
        }
    }
}
