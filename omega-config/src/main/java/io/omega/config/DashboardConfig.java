package io.omega.config;

/**
 * The {@code dashboard} section: where the status API and dashboard listen.
 *
 * @param adminToken bearer token for mutating calls; empty refuses every mutation
 */
public record DashboardConfig(String host, int port, String adminToken) {

    static DashboardConfig read(Section s) {
        String host = s.string("host", "127.0.0.1");
        if (host.isBlank()) {
            s.problem("host", "must not be blank");
        }
        return new DashboardConfig(host, s.integer("port", 8080, 0, 65_535), s.string("admin_token", ""));
    }

    @Override
    public String toString() {
        return "DashboardConfig[host=" + host + ", port=" + port + ", adminToken=" + (adminToken.isEmpty() ? "" : "***")
                + "]";
    }
}
