package io.omega.app.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omega.app.CliRun;
import io.omega.schemas.event.Decision;
import io.omega.schemas.event.RegistryEvent;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SchemasExportCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path config() throws IOException {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, """
                kafka:
                  topic_partitions: 4
                """);
        return file;
    }

    @Test
    void writesOneSchemaPerRecordAndTheTopicCatalogue() throws Exception {
        Path out = dir.resolve("export");

        CliRun run = CliRun.of("schemas", "export", "--config", config().toString(), out.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(fileNames(out)).containsExactly("ControllerEvent.avsc", "Decision.avsc", "Evaluation.avsc",
                "Execution.avsc", "Outcome.avsc", "RegistryCommand.avsc", "RegistryEvent.avsc",
                "TrainingRequest.avsc", "TrainingResult.avsc", "topics.json");
        assertThat(run.out()).startsWith("wrote " + out.resolve("Decision.avsc") + "\n")
                .endsWith("wrote " + out.resolve("topics.json") + "\n");

        // The schema OMEGA's serializers register, whole: enums inline, so a client needs no references.
        String decision = Files.readString(out.resolve("Decision.avsc"));
        assertThat(new Schema.Parser().parse(decision)).isEqualTo(Decision.getClassSchema());
        assertThat(JSON.readTree(decision).at("/fields/5/type")).isEqualTo(JSON.readTree("""
                {"type": "enum", "name": "Direction",
                 "doc": "What a decision or a position does: go long, go short, or stay flat.",
                 "symbols": ["LONG", "SHORT", "FLAT"], "default": "FLAT"}"""));
        assertThat(new Schema.Parser().parse(Files.readString(out.resolve("RegistryEvent.avsc"))))
                .isEqualTo(RegistryEvent.getClassSchema());

        JsonNode topics = JSON.readTree(out.resolve("topics.json").toFile()).get("topics");
        assertThat(topics).hasSize(18);
        Map<String, JsonNode> byName = new HashMap<>();
        topics.forEach(t -> byName.put(t.get("name").asText(), t));
        assertThat(byName.get("omega.decisions")).isEqualTo(JSON.readTree("""
                {"name": "omega.decisions",
                 "key": {"meaning": "symbol", "serialization": "UTF-8 string"},
                 "value": {"record": "io.omega.schemas.event.Decision", "schema_file": "Decision.avsc",
                           "subject": "omega.decisions-value",
                           "serialization": "Avro binary in the Confluent wire format: byte 0, 4-byte big-endian schema id, then the record"},
                 "partitions": 4, "retention_ms": 604800000, "cleanup_policy": "delete"}"""));
        assertThat(byName.get("omega.registry-events")).isEqualTo(JSON.readTree("""
                {"name": "omega.registry-events",
                 "key": {"meaning": "model type", "serialization": "UTF-8 string"},
                 "value": {"record": "io.omega.schemas.event.RegistryEvent", "schema_file": "RegistryEvent.avsc",
                           "subject": "omega.registry-events-value",
                           "serialization": "Avro binary in the Confluent wire format: byte 0, 4-byte big-endian schema id, then the record"},
                 "partitions": 1, "retention_ms": -1, "cleanup_policy": "delete"}"""));
        assertThat(byName.get("omega.decisions.dlq")).isEqualTo(JSON.readTree("""
                {"name": "omega.decisions.dlq",
                 "key": {"meaning": "symbol", "serialization": "UTF-8 string"},
                 "value": {"record": null, "schema_file": null, "subject": null,
                           "serialization": "the rejected record's bytes, unchanged; the reason travels in headers"},
                 "partitions": 4, "retention_ms": 2592000000, "cleanup_policy": "delete"}"""));
    }

    @Test
    void exportingAgainChangesNothing() throws Exception {
        Path out = dir.resolve("export");
        assertThat(CliRun.of("schemas", "export", "--config", config().toString(), out.toString()).exit()).isZero();
        Map<String, byte[]> first = contents(out);

        CliRun again = CliRun.of("schemas", "export", "--config", config().toString(), out.toString());

        assertThat(again.exit()).isZero();
        Map<String, byte[]> second = contents(out);
        assertThat(second.keySet()).isEqualTo(first.keySet());
        first.forEach((name, bytes) -> assertThat(second.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void aDirectoryThatCannotBeWrittenExitsTwoNamingIt() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "taken");

        CliRun run = CliRun.of("schemas", "export", "--config", config().toString(), notADirectory.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("omega schemas export: cannot write to " + notADirectory + ": ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void answersHelp() {
        CliRun run = CliRun.of("schemas", "export", "--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("Usage: omega schemas export [-hV] [--config=FILE] DIR");
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Map<String, byte[]> contents(Path dir) throws IOException {
        Map<String, byte[]> contents = new HashMap<>();
        for (String name : fileNames(dir)) {
            contents.put(name, Files.readAllBytes(dir.resolve(name)));
        }
        return contents;
    }
}
