package io.omega.app.schemas;

import io.omega.app.ConfigOption;
import io.omega.app.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code omega schemas export DIR}: the topics' schemas and catalogue, for clients in other languages. */
@Command(name = "schemas", description = "The Avro schemas of OMEGA's topics.",
        subcommands = SchemasCommand.Export.class)
public final class SchemasCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "export", description = "Write each topic's value schema as <RecordName>.avsc and the topic "
            + "catalogue (keys, value records, partitions, retention) as topics.json into DIR. Idempotent.")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConfigOption config;

        @Parameters(paramLabel = "DIR", description = "Directory to write into; created when missing.")
        Path dir;

        @Override
        public Integer call() {
            // Partitions of the symbol-keyed topics come from kafka.topic_partitions.
            int partitions = config.load().kafka().topicPartitions();
            List<Path> written;
            try {
                written = new SchemaExport(partitions).writeTo(dir);
            } catch (IOException e) {
                spec.commandLine().getErr().println("omega schemas export: cannot write to " + dir + ": " + e);
                return Main.EXIT_INVALID;
            }
            written.forEach(file -> spec.commandLine().getOut().println("wrote " + file));
            return 0;
        }
    }
}
