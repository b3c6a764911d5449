package io.omega.sink;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The sink's {@code group.instance.id} when {@code sink.instance_id} is left empty: {@code sink-<host>-<12 hex digits
 * of the SHA-256 of the absolute data directory>}. The same sink restarted on the same host with the same data
 * directory gets the same id, so the broker hands its partitions straight back instead of waiting out the session
 * timeout (about 45 s, and over a minute seen after a crash); two sinks on one host with different data directories
 * get different ids. Two sinks sharing one data directory on one host would fence each other: give each its own
 * {@code instance_id}, or {@code dynamic} for no static membership.
 */
final class DefaultInstanceId {

    /** The {@code sink.instance_id} value that asks for dynamic membership. */
    static final String DYNAMIC = "dynamic";

    private DefaultInstanceId() {
    }

    /** The id to use for a configured value: as given, derived when empty, none (empty) for {@link #DYNAMIC}. */
    static String resolve(String configured, Path dataDir) {
        if (DYNAMIC.equals(configured)) {
            return "";
        }
        return configured.isEmpty() ? of(host(), dataDir) : configured;
    }

    static String of(String host, Path dataDir) {
        String safeHost = host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(dataDir.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return "sink-" + safeHost + "-" + HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String host() {
        String fromEnv = System.getenv("HOSTNAME");
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return fromEnv != null && !fromEnv.isBlank() ? fromEnv : "localhost";
        }
    }
}
