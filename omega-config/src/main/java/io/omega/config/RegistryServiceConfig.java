package io.omega.config;

/**
 * The {@code registry} section: where the model registry's REST API listens and how long a call waits for the
 * event that answers its command.
 *
 * @param adminToken bearer token for mutating calls; empty refuses every mutation
 */
public record RegistryServiceConfig(String host, int port, long commandTimeoutMs, String adminToken) {

    static RegistryServiceConfig read(Section s) {
        String host = s.string("host", "127.0.0.1");
        if (host.isBlank()) {
            s.problem("host", "must not be blank");
        }
        return new RegistryServiceConfig(host, s.integer("port", 8081, 0, 65_535),
                s.integer("command_timeout_ms", 10_000, 10, 600_000), s.string("admin_token", ""));
    }

    @Override
    public String toString() {
        return "RegistryServiceConfig[host=" + host + ", port=" + port + ", commandTimeoutMs=" + commandTimeoutMs
                + ", adminToken=" + (adminToken.isEmpty() ? "" : "***") + "]";
    }
}
