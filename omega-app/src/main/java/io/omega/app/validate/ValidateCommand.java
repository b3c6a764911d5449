package io.omega.app.validate;

import io.omega.app.demo.DemoCommand;
import io.omega.app.demo.PreviousRun;
import io.omega.paper.market.generated.GeneratedMarket;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code omega validate}: does the loop decide soundly on markets whose truth is known? It runs the whole loop, as
 * the demo does, on each scenario and seed, holding the replay at each retraining until the loop has settled, and
 * checks the results against stated targets: on a random walk at most 5 % of candidates promoted; on a planted
 * signal at least one promotion in every seed and no false rollback; after a regime flip the model of the first
 * half rolled back or replaced within 100 trades; on the bundled real trades no promotion that then lost money live.
 */
@Command(name = "validate", description = "Run the whole loop on generated markets whose truth is known (and the "
        + "bundled real trades), several seeds each, and check that it promotes and rolls back only when it should.")
public final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scenarios", split = ",", defaultValue = "random-walk,planted-signal,regime-flip,bitstamp",
            description = "which markets (default: ${DEFAULT-VALUE})")
    List<String> scenarios;

    @Option(names = "--seeds", split = ",", defaultValue = "1,2,3", description = "seeds of each generated market "
            + "(the bundled trades run once) (default: ${DEFAULT-VALUE})")
    List<Long> seeds;

    @Option(names = "--minutes", defaultValue = "30", description = "wall-clock limit of each run's replay "
            + "(default: ${DEFAULT-VALUE})")
    double minutes;

    @Option(names = "--signal-strength", defaultValue = GeneratedMarket.DEFAULT_STRENGTH_TEXT, description = "of the planted signal (default: "
            + "${DEFAULT-VALUE})")
    double signalStrength;

    @Option(names = "--data-dir", description = "where each run keeps its data and its log (default: a new "
            + "directory under data/)")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        // Bad names and settings are refused before anything runs, as usage errors.
        try {
            for (String s : scenarios) {
                if (!s.equals("bitstamp")) {
                    GeneratedMarket.of(GeneratedMarket.Scenario.parse(s), 1).withStrength(signalStrength);
                }
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--scenarios / --signal-strength: "
                    + e.getMessage() + (e.getMessage().startsWith("unknown scenario") ? " or bitstamp" : ""));
        }
        if (seeds.isEmpty() || !(minutes > 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--seeds needs at least one seed and "
                    + "--minutes a positive number, got " + seeds + " and " + minutes);
        }
        Path dir = dataDir != null ? dataDir : Path.of("data", "validate-" + LocalDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        for (String scenario : scenarios) {
            for (long seed : runSeeds(scenario)) {
                Optional<String> used = PreviousRun.in(dir.resolve(scenario + "-" + seed));
                if (used.isPresent()) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--data-dir: " + used.get());
                }
            }
        }
        Files.createDirectories(dir);
        out.println("OMEGA validate: runs under " + dir.toAbsolutePath());
        out.flush();
        List<RunReport> reports = new ArrayList<>();
        for (String scenario : scenarios) {
            for (long seed : runSeeds(scenario)) {
                Path runDir = dir.resolve(scenario + "-" + seed);
                long started = System.nanoTime();
                RunReport report = run(scenario, seed, runDir);
                reports.add(report);
                out.printf(Locale.ROOT, "%s  (%.0f s, log %s)%n", report.line(), (System.nanoTime() - started) / 1e9,
                        runDir.resolve("demo.log"));
                out.flush();
            }
        }
        List<ValidityTargets.Verdict> verdicts = ValidityTargets.check(reports);
        out.println();
        verdicts.forEach(v -> out.println((v.met() ? "MET     " : "NOT MET ") + v.target() + ": " + v.figures()));
        out.flush();
        return verdicts.stream().allMatch(ValidityTargets.Verdict::met) ? 0 : 1;
    }

    /** The bundled trades are one market: one run, whatever the seeds. */
    private List<Long> runSeeds(String scenario) {
        return scenario.equals("bitstamp") ? List.of(seeds.get(0)) : seeds;
    }

    private RunReport run(String scenario, long seed, Path runDir) throws Exception {
        Files.createDirectories(runDir);
        DemoCommand demo = new DemoCommand();
        RunReport[] report = new RunReport[1];
        demo.inspect(run -> report[0] = RunReports.of(scenario, seed, run));
        try (PrintWriter log = new PrintWriter(Files.newBufferedWriter(runDir.resolve("demo.log"), StandardCharsets.UTF_8),
                true)) {
            CommandLine cli = new CommandLine(demo).setOut(log).setErr(log);
            int exit = cli.execute("--data-dir", runDir.toString(), "--scenario", scenario, "--seed", Long.toString(seed),
                    "--signal-strength", Double.toString(signalStrength), "--settle-each-retrain", "--dashboard-port",
                    "0", "--minutes", Double.toString(minutes));
            if (exit != 0 || report[0] == null) {
                throw new IllegalStateException("the " + scenario + " run (seed " + seed + ") failed with exit " + exit
                        + ": see " + runDir.resolve("demo.log"));
            }
        }
        return report[0];
    }
}
