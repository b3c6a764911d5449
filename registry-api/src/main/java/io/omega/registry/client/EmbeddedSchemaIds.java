package io.omega.registry.client;

import io.omega.config.RegistryMode;
import io.omega.config.SchemaRegistryConfig;
import io.omega.schemas.event.RegistryCommand;
import io.omega.schemas.event.RegistryCommandType;
import io.omega.schemas.event.RegistryEvent;
import io.omega.schemas.event.RegistryEventType;
import io.omega.schemas.serde.OmegaSerdes;

import java.time.Instant;

/**
 * With the embedded schema registry, schema ids are handed out in the order schemas are first used, and forgotten
 * when the JVM exits. A restarted registry would then read its own event log with ids it never issued (and fail:
 * "no schema with content id 2"). Registering the registry's two schemas first, always in the same order, gives a
 * fresh registry process the same ids as the one that wrote the log, and a separate client process (a CLI) the same
 * ids as the registry, provided it pins before using its serdes for anything else. Across processes, a real schema
 * registry ({@code schema_registry.mode: url}) is the proper answer.
 */
public final class EmbeddedSchemaIds {

    private EmbeddedSchemaIds() {
    }

    public static void pin(SchemaRegistryConfig config, OmegaSerdes serdes, RegistryTopics topics) {
        if (config.mode() != RegistryMode.EMBEDDED) {
            return;
        }
        Instant epoch = Instant.EPOCH;
        serdes.valueSerializer(RegistryCommand.class).serialize(topics.commands(), RegistryCommand.newBuilder()
                .setId("schema-pin").setEventTime(epoch).setCommandType(RegistryCommandType.ROLLBACK)
                .setModelType("cnn").setActor("registry").build());
        serdes.valueSerializer(RegistryEvent.class).serialize(topics.events(), RegistryEvent.newBuilder()
                .setId("schema-pin").setEventTime(epoch).setCommandId("schema-pin")
                .setEventType(RegistryEventType.REJECTED).setModelType("cnn").setActor("registry").build());
    }
}
