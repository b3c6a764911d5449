package io.omega.app.config;

import io.omega.app.Main;
import io.omega.config.ConfigException;
import io.omega.config.ConfigLoader;
import io.omega.config.ConfigProblem;
import io.omega.config.OmegaConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code omega config check FILE}: validates a configuration as start-up would. */
@Command(name = "config", description = "Configuration tools.", subcommands = ConfigCommand.Check.class)
public final class ConfigCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "check", description = "Validate FILE (with environment overrides); exit 2 when invalid.")
    static final class Check implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The YAML file, e.g. config/trading_config.yaml.")
        Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                OmegaConfig config = ConfigLoader.load(file);
                out.println(file + ": valid");
                out.println("  self-learning " + (config.selfLearning().enableSelfLearning() ? "on" : "off")
                        + ", shadow mode " + (config.selfLearning().enableShadowMode() ? "on" : "off")
                        + ", manual approval " + (config.selfLearning().manualApprovalRequired() ? "required" : "off"));
                out.println("  kafka " + config.kafka().bootstrapServers() + ", schema registry "
                        + config.schemaRegistry().mode().name().toLowerCase() + ", data in " + config.storage().dataDir());
                return 0;
            } catch (ConfigException e) {
                err.println(file + ": invalid, " + e.problems().size() + " problem(s):");
                for (ConfigProblem problem : e.problems()) {
                    err.println("  " + problem.keyPath() + ": " + problem.message());
                }
                return Main.EXIT_INVALID;
            }
        }
    }
}
