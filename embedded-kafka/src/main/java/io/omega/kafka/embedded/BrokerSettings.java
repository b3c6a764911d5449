package io.omega.kafka.embedded;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how an embedded broker listens and keeps its data.
 *
 * @param dataDir        log directory; formatted on first start, reused afterwards
 * @param host           address both listeners bind to (loopback unless told otherwise)
 * @param port           client port; 0 picks a free one
 * @param controllerPort KRaft controller port; 0 picks a free one
 * @param overrides      extra broker properties, applied last
 */
public record BrokerSettings(Path dataDir, String host, int port, int controllerPort, Map<String, String> overrides) {

    public BrokerSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        checkPort("port", port);
        checkPort("controllerPort", controllerPort);
        overrides = Map.copyOf(overrides);
    }

    public static BrokerSettings loopback(Path dataDir) {
        return new BrokerSettings(dataDir, "127.0.0.1", 0, 0, Map.of());
    }

    public BrokerSettings withPort(int newPort) {
        return new BrokerSettings(dataDir, host, newPort, controllerPort, overrides);
    }

    public BrokerSettings withOverrides(Map<String, String> newOverrides) {
        return new BrokerSettings(dataDir, host, port, controllerPort, newOverrides);
    }

    private static void checkPort(String name, int value) {
        if (value < 0 || value > 65_535) {
            throw new IllegalArgumentException(name + " must be between 0 and 65535, got " + value);
        }
    }
}
