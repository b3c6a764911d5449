package io.omega.app.controller;

import io.omega.app.ConfigOption;
import io.omega.app.rest.RestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code omega approve|reject TYPE VERSION}: a person's answer to a pending promotion, through the controller. */
public final class ApprovalCommands {

    private ApprovalCommands() {
    }

    abstract static class Answer implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        ConfigOption config;

        @Parameters(index = "0", paramLabel = "TYPE", description = "cnn or lstm")
        String type;

        @Parameters(index = "1", paramLabel = "VERSION", description = "e.g. 20250124_120000")
        String version;

        @Option(names = "--url", description = "the controller (default: http://dashboard.host:dashboard.port)")
        String url;

        @Option(names = "--token", description = "bearer token (default: dashboard.admin_token)")
        String token;

        @Option(names = "--actor", defaultValue = "cli", description = "who answers (default: ${DEFAULT-VALUE})")
        String actor;

        @Option(names = "--reason", description = "why, for the audit trail")
        String reason;

        abstract String verb();

        @Override
        public Integer call() {
            RestClient client = ControllerClients.of(config.load(), url, token);
            try {
                RestClient.Response response = client.post(actor, reason, "approvals", type, version, verb());
                if (response.status() == 200) {
                    spec.commandLine().getOut().printf("%s %s %s%s%n", response.body().get("event").asText(), type,
                            version, response.body().hasNonNull("command_id")
                                    ? " (PROMOTE command " + response.body().get("command_id").asText() + ")" : "");
                    return 0;
                }
                spec.commandLine().getErr().println("omega " + verb() + ": " + response.message());
                return response.status() == 404 ? 1 : 2;
            } catch (RestClient.Unreachable e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 3;
            }
        }
    }

    @Command(name = "approve", description = "Approve a pending promotion: the controller sends PROMOTE to the registry.")
    public static final class Approve extends Answer {
        @Override
        String verb() {
            return "approve";
        }
    }

    @Command(name = "reject", description = "Reject a pending promotion.")
    public static final class Reject extends Answer {
        @Override
        String verb() {
            return "reject";
        }
    }
}
