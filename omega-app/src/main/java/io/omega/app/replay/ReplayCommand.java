package io.omega.app.replay;

import io.omega.app.ConfigOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code omega replay}: re-publish a time range of a topic, to rebuild state or re-run a step. */
@Command(name = "replay", description = "Re-publish the records of a topic in a time range (keys, values and headers "
        + "unchanged), into the same topic or another.")
public final class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Option(names = "--topic", required = true, description = "the topic to read")
    String topic;

    @Option(names = "--from", required = true, description = "first record time, ISO-8601 (e.g. 2025-01-24T00:00:00Z)")
    Instant from;

    @Option(names = "--to", required = true, description = "end of the range (exclusive), ISO-8601")
    Instant to;

    @Option(names = "--into", description = "the topic to write (default: the same topic)")
    String into;

    @Option(names = "--dry-run", description = "only count the records in the range")
    boolean dryRun;

    @Override
    public Integer call() {
        var result = new TopicReplay(config.load().kafka().bootstrapServers())
                .replay(topic, from, to, into != null ? into : topic, dryRun);
        spec.commandLine().getOut().printf(dryRun ? "%d record(s) of %s in [%s, %s)%n"
                : "%d record(s) of %s in [%s, %s) re-published to %s%n", result.found(), topic, from, to,
                into != null ? into : topic);
        return 0;
    }
}
