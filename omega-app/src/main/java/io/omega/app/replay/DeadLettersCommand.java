package io.omega.app.replay;

import io.omega.app.ConfigOption;
import io.omega.config.OmegaConfig;
import io.omega.schemas.serde.OmegaSerdes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code omega dlq replay}: the way back from an experience topic's dead-letter topic (see {@link DeadLetterReplay}). */
@Command(name = "dlq", description = "Work with dead-letter topics.", subcommands = DeadLettersCommand.Replay.class)
public final class DeadLettersCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "replay", description = "Re-publish the dead letters of an experience topic that decode now "
            + "(e.g. once the schema registry has their schema) to that topic, each event at most once: events "
            + "already in the experience files are left out. Run it again only after the sink has caught up.")
    static final class Replay implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        ConfigOption config;

        @Option(names = "--topic", required = true,
                description = "the source topic: omega.decisions, omega.executions or omega.outcomes")
        String topic;

        @Option(names = "--since", description = "only dead letters written at or after this time, ISO-8601 "
                + "(default: all)")
        Instant since = Instant.EPOCH;

        @Option(names = "--dry-run", description = "only say what would be re-published")
        boolean dryRun;

        @Override
        public Integer call() {
            OmegaConfig loaded = config.load();
            DeadLetterReplay.Result result = new DeadLetterReplay(loaded.kafka().bootstrapServers(),
                    new OmegaSerdes(loaded.schemaRegistry()), loaded.storage().dataDir()).replay(topic, since, dryRun);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%d dead letter(s) of %s: %d %s to %s, %d already in the experience files, %d duplicate(s), "
                            + "%d still undecodable%n", result.deadLetters(), topic, result.republished(),
                    dryRun ? "would be re-published" : "re-published", topic, result.alreadyStored(),
                    result.duplicates(), result.undecodable().size());
            result.undecodable().forEach(reason -> out.println("  still undecodable: " + reason));
            return 0;
        }
    }
}
