package io.omega.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.omega.testing.kafka.KafkaBrokerExtension;
import io.omega.testing.kafka.KafkaTestBroker;
import io.omega.testing.registry.ApicurioRegistryExtension;
import io.omega.testing.registry.ApicurioRegistryProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every documented command line run as users run it: the packaged launcher in its own process. The in-JVM command
 * tests go around {@code main}, its argument parsing and its signal handling; these do not. Runs after
 * {@code package} (failsafe), since it needs the jar.
 */
@ExtendWith({KafkaBrokerExtension.class, ApicurioRegistryExtension.class})
class LauncherProcessIT {

    /** What each long-running service prints once it serves; a compose service missing here fails the test. */
    private static final Map<String, Pattern> READY = Map.of(
            "registry", Pattern.compile("^Model registry ready on http://"),
            "sink", Pattern.compile("^Sink consuming omega\\.decisions"),
            "trainer", Pattern.compile("^Trainer worker on "),
            "evaluator", Pattern.compile("^Evaluator worker on "),
            "controller", Pattern.compile("^Controller on "),
            "paper-trader", Pattern.compile("^Replaying \\d+ "));
    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration STOP = Duration.ofSeconds(60);
    private static final Pattern COMPOSE_VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+):-([^}]*)}");

    private final KafkaTestBroker kafka;
    private final ApicurioRegistryProcess schemaRegistry;

    @TempDir
    Path dir;

    LauncherProcessIT(KafkaTestBroker kafka, ApicurioRegistryProcess schemaRegistry) {
        this.kafka = kafka;
        this.schemaRegistry = schemaRegistry;
    }

    @Test
    void everyCommandAndSubcommandAnswersHelp() throws Exception {
        List<List<String>> paths = new ArrayList<>();
        collect(Main.commandLine(), new ArrayList<>(), paths);
        assertThat(paths).hasSize(33);

        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            try (LauncherProcess run = LauncherProcess.start(args, Map.of(), dir)) {
                int exit = run.awaitExit(Duration.ofSeconds(60));
                assertThat(exit).as("%s exit status; output:%n%s", run.command(), run.output()).isZero();
                assertThat(run.output()).as(run.command())
                        .startsWith("Usage: " + String.join(" ", List.of("omega")) + (path.isEmpty() ? "" : " " + String.join(" ", path)));
            }
        }
    }

    @Test
    void everyServiceOfTheComposeFileStartsAndStopsWithStatusZero() throws Exception {
        JsonNode compose = new YAMLMapper().readTree(Path.of("..", "docker-compose.yml").toFile());
        Map<String, String> env = serviceEnvironment();

        Map<String, List<String>> services = new LinkedHashMap<>();
        List<String> oneShots = new ArrayList<>();
        compose.get("services").fields().forEachRemaining(entry -> {
            JsonNode service = entry.getValue();
            if (!service.has("command")) {
                return; // kafka and the schema registry: their own images, played here by the test's broker and registry
            }
            List<String> command = new ArrayList<>();
            service.get("command").forEach(arg -> command.add(substitute(arg.asText())));
            if ("no".equals(service.path("restart").asText())) {
                oneShots.add(entry.getKey());
            }
            services.put(entry.getKey(), command);
        });
        assertThat(services.keySet()).containsExactlyInAnyOrder("topics", "registry", "sink", "trainer", "evaluator",
                "controller", "paper-trader");
        assertThat(oneShots).containsExactly("topics");

        // The one-shot first, as compose orders it; then every service at once.
        try (LauncherProcess topics = LauncherProcess.start(services.get("topics"), env, dir)) {
            assertThat(topics.awaitExit(START)).as(topics.output()).isZero();
            assertThat(topics.output()).contains("already present");
        }
        Map<String, LauncherProcess> running = new LinkedHashMap<>();
        try {
            services.forEach((name, command) -> {
                if (!name.equals("topics")) {
                    running.put(name, LauncherProcess.start(command, withServiceEnvironment(env, compose, name), dir));
                }
            });
            for (Map.Entry<String, LauncherProcess> service : running.entrySet()) {
                assertThat(READY).as("ready line of compose service %s", service.getKey()).containsKey(service.getKey());
                service.getValue().awaitLine(READY.get(service.getKey()), START);
            }
            for (Map.Entry<String, LauncherProcess> service : running.entrySet()) {
                LauncherProcess process = service.getValue();
                assertThat(process.terminate(STOP)).as("%s after SIGTERM; output:%n%s", process.command(), process.output())
                        .isZero();
            }
            assertThat(running.get("paper-trader").output()).as(running.get("paper-trader").output()).containsPattern("Paper trader stopped: Stats\\[bars=\\d+");
            assertThat(running.get("registry").output()).contains("Model registry stopped.");
        } finally {
            running.values().forEach(LauncherProcess::close);
        }
    }

    @Test
    void thePaperTraderStartsWithItsDocumentedDefaultsAndEitherMarketTime() throws Exception {
        for (String marketTime : List.of("shifted", "original", "ORIGINAL")) {
            try (LauncherProcess run = LauncherProcess.start(List.of("paper-trader", "--market-time", marketTime),
                    serviceEnvironment(), dir)) {
                String ready = run.awaitLine(READY.get("paper-trader"), START);
                assertThat(ready).contains(marketTime.equalsIgnoreCase("original") ? "(2013-11-25" : "Z ..");
                assertThat(run.terminate(STOP)).as(run.output()).isZero();
            }
        }
    }

    @Test
    void theJarStaysUnder150MbAndItsManifestNamesEveryNativeLibraryJarOfLib() throws Exception {
        assertThat(Files.size(LauncherProcess.JAR)).as("bytes of %s", LauncherProcess.JAR).isLessThanOrEqualTo(150_000_000L);
        List<String> classPath;
        List<String> nativeLibraries;
        try (JarFile jar = new JarFile(LauncherProcess.JAR.toFile())) {
            classPath = List.of(jar.getManifest().getMainAttributes().getValue("Class-Path").trim().split("\\s+"));
            nativeLibraries = jar.stream().map(JarEntry::getName)
                    .filter(name -> name.matches("org/(nd4j|bytedeco)/.*\\.so(\\.\\d+)*")).toList();
        }
        assertThat(nativeLibraries).as("ND4J, OpenBLAS, oneDNN and JavaCPP natives inside omega.jar").isEmpty();
        List<String> lib;
        try (Stream<Path> files = Files.list(LauncherProcess.LIB)) {
            lib = files.map(file -> "lib/" + file.getFileName()).toList();
        }
        assertThat(classPath).containsExactlyInAnyOrderElementsOf(lib)
                .anyMatch(entry -> entry.matches("lib/nd4j-native-.+-linux-x86_64-onednn-avx2\\.jar"));
    }

    @Test
    void trainingLoadsTheNativeLibrariesFromLibBesideTheJarWhateverTheWorkingDirectory() throws Exception {
        // The trainer loads ND4J's natives before it reads any data; on an empty data directory it then stops with
        // "no decisions logged", which it can only print once the natives have loaded.
        Map<String, String> env = Map.of("OMEGA_STORAGE__DATA_DIR", dir.resolve("data").toString());
        try (LauncherProcess run = LauncherProcess.start(List.of("train", "--model-type", "cnn"), env, dir)) {
            assertThat(run.awaitExit(START)).as(run.output()).isEqualTo(1);
            assertThat(run.output()).contains("omega train: no decisions logged").doesNotContain("native library");
        }
    }

    @Test
    void withoutLibBesideItTheJarSaysWhatIsMissingWhenItNeedsTheNativeLibraries() throws Exception {
        Path alone = Files.createDirectories(dir.resolve("alone")).resolve("omega.jar");
        Files.copy(LauncherProcess.JAR, alone);
        try (LauncherProcess run = LauncherProcess.start(alone, List.of("--version"), Map.of(), dir)) {
            assertThat(run.awaitExit(STOP)).as(run.output()).isZero();
        }
        Map<String, String> env = Map.of("OMEGA_STORAGE__DATA_DIR", dir.resolve("data").toString());
        try (LauncherProcess run = LauncherProcess.start(alone, List.of("train", "--model-type", "cnn"), env, dir)) {
            assertThat(run.awaitExit(START)).as(run.output()).isEqualTo(1);
            assertThat(run.output()).contains("omega train: ND4J's native library is not on the class path")
                    .contains("lib/ directory built beside it");
        }
    }

    /** docker/omega.env with the addresses of this test's broker and registry, free ports and a temporary data dir. */
    private Map<String, String> serviceEnvironment() throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("..", "docker", "omega.env"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int eq = line.indexOf('=');
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        env.put("OMEGA_KAFKA__BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("OMEGA_SCHEMA_REGISTRY__URL", schemaRegistry.registryApiUrl());
        env.put("OMEGA_STORAGE__DATA_DIR", dir.resolve("data").toString());
        for (String key : List.of("OMEGA_REGISTRY__HOST", "OMEGA_DASHBOARD__HOST", "OMEGA_METRICS__HOST")) {
            env.put(key, "127.0.0.1");
        }
        for (String key : List.of("OMEGA_REGISTRY__PORT", "OMEGA_DASHBOARD__PORT", "OMEGA_METRICS__SINK_PORT",
                "OMEGA_METRICS__TRAINER_PORT", "OMEGA_METRICS__EVALUATOR_PORT")) {
            env.put(key, "0");
        }
        return env;
    }

    private static Map<String, String> withServiceEnvironment(Map<String, String> base, JsonNode compose, String name) {
        Map<String, String> env = new LinkedHashMap<>(base);
        compose.get("services").get(name).path("environment").fields()
                .forEachRemaining(e -> env.put(e.getKey(), substitute(e.getValue().asText())));
        return env;
    }

    /** {@code ${NAME:-default}} as compose reads it with NAME unset. */
    private static String substitute(String value) {
        Matcher m = COMPOSE_VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(2)));
        }
        return m.appendTail(out).toString();
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> into) {
        into.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().name().equals(name)) {
                return; // an alias
            }
            List<String> next = new ArrayList<>(path);
            next.add(name);
            collect(sub, next, into);
        });
    }
}
