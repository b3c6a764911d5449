package io.omega.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Loads {@code config/trading_config.yaml}: YAML into a tree, environment overrides applied to the tree, then
 * each section read into its record. Any problem stops start-up with a {@link ConfigException} naming every
 * offending key.
 *
 * <p>Environment rule: {@code OMEGA_<SECTION>__<KEY>}, upper case, a double underscore between levels
 * ({@code OMEGA_KAFKA__PRODUCER__LINGER_MS=0}); the value is read as a YAML scalar or flow list. Only variables
 * that start with {@code OMEGA_} and contain {@code __} are overrides.
 */
public final class ConfigLoader {

    static final String ENV_PREFIX = "OMEGA_";
    private static final Set<String> SECTIONS =
            Set.of("self_learning", "kafka", "schema_registry", "storage", "paper_trading", "dashboard", "sink",
                    "registry", "training", "metrics");
    private static final YAMLMapper YAML = (YAMLMapper) new YAMLMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private ConfigLoader() {
    }

    public static OmegaConfig load(Path file) {
        return load(file, System.getenv());
    }

    public static OmegaConfig load(Path file, Map<String, String> env) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(List.of(new ConfigProblem(file.toString(), "configuration file not found")));
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigProblem(file.toString(), "cannot read: " + e.getMessage())));
        }
        return parse(text, env, file.toString());
    }

    public static OmegaConfig parse(String yaml, Map<String, String> env) {
        return parse(yaml, env, "configuration");
    }

    private static OmegaConfig parse(String yaml, Map<String, String> env, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ConfigException(List.of(new ConfigProblem(source, "invalid YAML" + where + ": "
                    + e.getOriginalMessage())));
        }
        if (root != null && !root.isMissingNode() && !root.isNull() && !root.isObject()) {
            throw new ConfigException(List.of(new ConfigProblem(source, "expected a mapping of sections at the top")));
        }
        ObjectNode tree = root == null || !root.isObject() ? JsonNodeFactory.instance.objectNode() : ((ObjectNode) root).deepCopy();

        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, String> origins = applyEnvironment(tree, env, problems);
        tree.fieldNames().forEachRemaining(name -> {
            if (!SECTIONS.contains(name)) {
                String variable = origins.entrySet().stream().filter(o -> o.getKey().startsWith(name + "."))
                        .map(Map.Entry::getValue).findFirst().map(v -> " (from " + v + ")").orElse("");
                problems.add(new ConfigProblem(name, "unknown section" + Section.suggestion(name, SECTIONS) + variable));
            }
        });
        List<Section> sections = new ArrayList<>();
        OmegaConfig config = new OmegaConfig(
                SelfLearningConfig.read(section(tree, "self_learning", problems, origins, sections)),
                KafkaConfig.read(section(tree, "kafka", problems, origins, sections)),
                SchemaRegistryConfig.read(section(tree, "schema_registry", problems, origins, sections)),
                StorageConfig.read(section(tree, "storage", problems, origins, sections)),
                PaperTradingConfig.read(section(tree, "paper_trading", problems, origins, sections)),
                DashboardConfig.read(section(tree, "dashboard", problems, origins, sections)),
                SinkConfig.read(section(tree, "sink", problems, origins, sections)),
                RegistryServiceConfig.read(section(tree, "registry", problems, origins, sections)),
                TrainingConfig.read(section(tree, "training", problems, origins, sections)),
                MetricsConfig.read(section(tree, "metrics", problems, origins, sections)));
        sections.forEach(Section::rejectUnknownKeys);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }

    private static Section section(ObjectNode tree, String name, List<ConfigProblem> problems,
                                   Map<String, String> origins, List<Section> sections) {
        Section section = new Section(name, tree.get(name), problems, origins);
        sections.add(section);
        return section;
    }

    /** Writes each override into the tree; returns key path → variable, so problems can name the variable. */
    private static Map<String, String> applyEnvironment(ObjectNode tree, Map<String, String> env,
                                                        List<ConfigProblem> problems) {
        Map<String, String> origins = new HashMap<>();
        for (Map.Entry<String, String> variable : new TreeMap<>(env).entrySet()) {
            String name = variable.getKey();
            if (!name.startsWith(ENV_PREFIX) || !name.contains("__")) {
                continue;
            }
            String[] keys = name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).split("__", -1);
            String keyPath = String.join(".", keys);
            ObjectNode parent = tree;
            for (int i = 0; i < keys.length - 1 && parent != null; i++) {
                JsonNode child = parent.get(keys[i]);
                if (child == null || child.isNull()) {
                    parent = parent.putObject(keys[i]);
                } else {
                    parent = child.isObject() ? (ObjectNode) child : null;
                }
            }
            if (parent == null || keys[keys.length - 1].isEmpty()) {
                problems.add(new ConfigProblem(keyPath, "cannot be set from " + name + ": not a key of the configuration"));
                continue;
            }
            parent.set(keys[keys.length - 1], scalar(variable.getValue()));
            origins.put(keyPath, name);
        }
        return origins;
    }

    private static JsonNode scalar(String value) {
        try {
            JsonNode node = YAML.readTree(value);
            return node == null || node.isMissingNode() ? JsonNodeFactory.instance.textNode(value) : node;
        } catch (JsonProcessingException e) {
            return JsonNodeFactory.instance.textNode(value);
        }
    }
}
