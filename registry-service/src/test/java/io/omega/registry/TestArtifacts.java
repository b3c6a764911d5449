package io.omega.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Real model files under a data directory, laid out as {@code ModelArtifactStore} writes them, with their SHA-256. */
public final class TestArtifacts {

    public record Artifact(String uri, String sha256) {
    }

    private final Path dataDir;

    public TestArtifacts(Path dataDir) {
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Writes {@code models/<type>/<type>_<version>.zip} (relative URI) and returns it with its checksum. */
    public Artifact write(String type, String version) {
        String relative = "models/" + type + "/" + type + "_" + version + ".zip";
        byte[] content = ("model " + type + " " + version).getBytes(StandardCharsets.UTF_8);
        try {
            Path file = dataDir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            return new Artifact(relative, sha256(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
