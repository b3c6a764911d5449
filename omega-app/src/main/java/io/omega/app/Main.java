package io.omega.app;

import io.omega.app.config.ConfigCommand;
import io.omega.app.kafka.KafkaCommand;
import io.omega.app.topics.TopicsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code omega} command line. */
@Command(name = "omega", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "omega 0.1.0",
        description = "OMEGA: the self-learning loop of a trading engine, on Kafka.",
        subcommands = {KafkaCommand.class, TopicsCommand.class, ConfigCommand.class,
                io.omega.app.registry.RegistryServiceCommand.class, io.omega.app.registry.ModelsCommand.class,
                io.omega.app.sink.SinkCommand.class, io.omega.app.controller.ControllerCommand.class,
                io.omega.app.trainer.TrainerCommand.class, io.omega.app.trainer.TrainCommand.class,
                io.omega.app.evaluator.EvaluatorCommand.class, io.omega.app.evaluator.EvaluateCommand.class,
                io.omega.app.controller.StatusCommand.class, io.omega.app.controller.ApprovalCommands.Approve.class,
                io.omega.app.controller.ApprovalCommands.Reject.class, io.omega.app.paper.PaperTraderCommand.class, io.omega.app.demo.DemoCommand.class,
                io.omega.app.validate.ValidateCommand.class, io.omega.app.replay.ReplayCommand.class,
                io.omega.app.replay.DeadLettersCommand.class, io.omega.app.backfill.BackfillCommand.class,
                io.omega.app.schemas.SchemasCommand.class})
public final class Main implements Runnable {

    /** Exit code for bad input: invalid configuration or arguments. */
    public static final int EXIT_INVALID = 2;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine() {
        // Enum values as the docs write them (shifted, original) as well as in capitals.
        return new CommandLine(new Main()).setExecutionExceptionHandler(new ErrorHandler())
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    public static void main(String[] args) {
        java.util.concurrent.CompletableFuture<Integer> status = new java.util.concurrent.CompletableFuture<>();
        TerminationSignal.install(status);
        int code = 1;
        try {
            code = commandLine().execute(args);
        } finally {
            status.complete(code);
        }
        System.exit(code);
    }
}
