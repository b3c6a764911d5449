package io.omega.app.schemas;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.omega.schemas.topic.TopicSpec;
import io.omega.schemas.topic.Topics;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes what a client in another language needs to read and write OMEGA's topics: each record topic's value
 * schema as {@code <RecordName>.avsc} and the catalogue as {@code topics.json}. The schemas are the ones OMEGA's
 * own serializers register: self-contained, every enum written inline, so a client registers one file per
 * subject and needs no schema references. Writing again gives the same bytes.
 */
public final class SchemaExport {

    public static final String TOPICS_FILE = "topics.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final int configuredPartitions;

    public SchemaExport(int configuredPartitions) {
        this.configuredPartitions = configuredPartitions;
    }

    /** Writes into {@code dir}, creating it; returns the files written, schemas first, in catalogue order. */
    public List<Path> writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (TopicSpec<?> topic : Topics.recordTopics()) {
            Schema schema = SpecificData.get().getSchema(topic.valueType());
            written.add(Files.writeString(dir.resolve(TopicListing.schemaFile(topic)), schema.toString(true) + "\n"));
        }
        List<TopicListing> listings = Topics.all().stream().map(t -> TopicListing.of(t, configuredPartitions)).toList();
        written.add(Files.writeString(dir.resolve(TOPICS_FILE),
                JSON.writeValueAsString(Map.of("topics", listings)) + "\n"));
        return written;
    }
}
