package io.omega.app;

import io.omega.config.ConfigException;
import io.omega.paper.market.file.MarketFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns failures into one clear message and an exit code, instead of a stack trace. */
final class ErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        if (e instanceof ConfigException config) {
            command.getErr().println("invalid configuration:");
            command.getErr().println(config.getMessage());
            return Main.EXIT_INVALID;
        }
        if (e instanceof MarketFileException file) {
            // bad input, like an invalid configuration: the message names the file, line and field to fix
            command.getErr().println("omega " + command.getCommandName() + ": " + file.getMessage());
            return Main.EXIT_INVALID;
        }
        command.getErr().println("omega " + command.getCommandName() + ": " + e.getMessage());
        return 1;
    }
}
