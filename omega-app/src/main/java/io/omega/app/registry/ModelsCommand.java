package io.omega.app.registry;

import io.omega.app.rest.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import io.omega.app.ConfigOption;
import io.omega.config.OmegaConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code omega models list|show|promote|rollback|archive|history}: the registry through its REST API, with the same
 * outcomes. Exit codes: 0 done, 1 rejected by the registry (409), 2 bad input or refused (other 4xx),
 * 3 registry unreachable or no answer in time.
 */
@Command(name = "models", description = "Model versions in the registry: list, show, promote, roll back, archive, history.",
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Show.class, ModelsCommand.Promote.class,
                ModelsCommand.Rollback.class, ModelsCommand.Archive.class, ModelsCommand.History.class})
public final class ModelsCommand implements Runnable {

    static final int EXIT_REJECTED = 1;
    static final int EXIT_INVALID = 2;
    static final int EXIT_UNAVAILABLE = 3;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where the registry is and how to prove who we are. */
    static final class Endpoint {
        @Mixin
        ConfigOption config;

        @Option(names = "--url", paramLabel = "URL",
                description = "Registry base URL (default: http://registry.host:registry.port from the configuration).")
        String url;

        @Option(names = "--token", paramLabel = "TOKEN",
                description = "Bearer token for changes (default: registry.admin_token, or OMEGA_REGISTRY__ADMIN_TOKEN).")
        String token;

        RestClient client() {
            OmegaConfig omega = config.load();
            return RegistryEndpoint.client(omega, url, token != null ? token : omega.registry().adminToken());
        }
    }

    /** Runs one call and turns its outcome into output and an exit code. */
    abstract static class Call implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Endpoint endpoint;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            RestClient.Response response;
            try {
                response = send(endpoint.client());
            } catch (RestClient.Unreachable e) {
                err.println(e.getMessage());
                return EXIT_UNAVAILABLE;
            }
            int status = response.status();
            if (status == 200) {
                print(response.body(), out);
                return 0;
            }
            if (status == 409) {
                err.println("rejected: " + response.message());
                return EXIT_REJECTED;
            }
            err.println("error " + status + ": " + response.message());
            return status >= 400 && status < 500 ? EXIT_INVALID : EXIT_UNAVAILABLE;
        }

        abstract RestClient.Response send(RestClient client) throws RestClient.Unreachable;

        abstract void print(JsonNode body, PrintWriter out);
    }

    /** Changes name who asked; the operator's login unless told otherwise. */
    abstract static class Change extends Call {
        @Option(names = "--reason", paramLabel = "TEXT", description = "Why; kept in the audit history.")
        String reason;

        @Option(names = "--actor", paramLabel = "NAME", description = "Who asks (default: your login name).")
        String actor = System.getProperty("user.name", "cli");

        @Override
        void print(JsonNode event, PrintWriter out) {
            String previous = text(event, "previous_version");
            String type = text(event, "model_type");
            String version = text(event, "version");
            switch (text(event, "event_type")) {
                case "PROMOTED" -> out.printf("PROMOTED %s %s to production (previous production: %s)%n", type,
                        version, previous);
                case "ROLLED_BACK" -> out.printf("ROLLED_BACK %s to %s (was %s)%n", type,
                        event.path("version").isNull() ? "no production model: the engine's rules" : version, previous);
                case "ARCHIVED" -> out.printf("ARCHIVED %s %s%n", type, version);
                default -> out.printf("%s %s %s%n", text(event, "event_type"), type, version);
            }
        }
    }

    @Command(name = "list", description = "List model versions, of one type or of all.")
    static final class ListModels extends Call {
        @Parameters(index = "0", arity = "0..1", paramLabel = "TYPE", description = "cnn or lstm (default: all types)")
        String type;

        @Override
        RestClient.Response send(RestClient client) throws RestClient.Unreachable {
            return type == null ? client.get() : client.get(type);
        }

        @Override
        void print(JsonNode body, PrintWriter out) {
            JsonNode versions = type == null ? body.get("models") : body.get("versions");
            Table table = new Table("TYPE", "VERSION", "STATUS", "WIN_RATE", "SHARPE", "REGISTERED", "PREVIOUS");
            for (JsonNode v : versions) {
                table.row(text(v, "model_type"), text(v, "version"), text(v, "status"), metric(v, "win_rate"),
                        metric(v, "sharpe_ratio"), text(v, "registered_at"), text(v, "previous_version"));
            }
            table.print(out);
            out.printf("%d version(s)%n", versions.size());
        }
    }

    @Command(name = "show", description = "Show one model version.")
    static final class Show extends Call {
        @Parameters(index = "0", paramLabel = "TYPE")
        String type;

        @Parameters(index = "1", paramLabel = "VERSION")
        String version;

        @Override
        RestClient.Response send(RestClient client) throws RestClient.Unreachable {
            return client.get(type, version);
        }

        @Override
        void print(JsonNode v, PrintWriter out) {
            Table table = new Table("FIELD", "VALUE");
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = field.getValue();
                table.row(field.getKey(), value.isNull() ? "-" : value.isValueNode() ? value.asText() : value.toString());
            }
            table.print(out);
        }
    }

    /** A change to one version of a type: the registry's REST action of that name. */
    abstract static class VersionChange extends Change {
        @Parameters(index = "0", paramLabel = "TYPE")
        String type;

        @Parameters(index = "1", paramLabel = "VERSION")
        String version;

        abstract String action();

        @Override
        RestClient.Response send(RestClient client) throws RestClient.Unreachable {
            return client.post(actor, reason, type, version, action());
        }
    }

    @Command(name = "promote", description = "Promote a candidate to production; the old production becomes the rollback target.")
    static final class Promote extends VersionChange {
        @Override
        String action() {
            return "promote";
        }
    }

    @Command(name = "rollback", description = "Restore the production version the current one replaced (none, for the first: the engine's rules).")
    static final class Rollback extends Change {
        @Parameters(index = "0", paramLabel = "TYPE")
        String type;

        @Override
        RestClient.Response send(RestClient client) throws RestClient.Unreachable {
            return client.post(actor, reason, type, "rollback");
        }
    }

    @Command(name = "archive", description = "Archive a candidate (never the production version).")
    static final class Archive extends VersionChange {
        @Override
        String action() {
            return "archive";
        }
    }

    @Command(name = "history", description = "Who put each version into production and took it out, when and why.")
    static final class History extends Call {
        @Parameters(index = "0", paramLabel = "TYPE")
        String type;

        @Override
        RestClient.Response send(RestClient client) throws RestClient.Unreachable {
            return client.get(type, "history");
        }

        @Override
        void print(JsonNode body, PrintWriter out) {
            Table table = new Table("VERSION", "ENTERED", "HOW", "BY", "WHY", "LEFT", "HOW", "BY", "WHY");
            for (JsonNode t : body.get("history")) {
                table.row(text(t, "version"), text(t, "entered_at"), text(t, "entered_by"), text(t, "entered_actor"),
                        text(t, "entered_reason"), text(t, "left_at"), text(t, "left_how"), text(t, "left_actor"),
                        text(t, "left_reason"));
            }
            table.print(out);
            out.printf("production: %s%n", body.path("production_version").isNull() ? "none"
                    : text(body, "production_version"));
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "-" : value.asText();
    }

    static String metric(JsonNode version, String name) {
        JsonNode value = version.path("metrics").get(name);
        return value == null || value.isNull() ? "-" : String.format(java.util.Locale.ROOT, "%.2f", value.asDouble());
    }
}
