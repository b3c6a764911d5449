package io.omega.registry.command;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Artifacts are files under the data directory ({@code storage.data_dir}): a {@code file:} URI or a path, relative
 * paths taken from the data directory. A path that leaves the data directory is refused, so a command cannot make
 * the registry read arbitrary files.
 */
public final class DataDirArtifactVerifier implements ArtifactVerifier {

    private final Path dataDir;

    public DataDirArtifactVerifier(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
    }

    @Override
    public Optional<String> problem(String artifactUri, String expectedSha256) {
        Path file;
        try {
            file = resolve(artifactUri);
        } catch (IllegalArgumentException e) {
            return Optional.of("artifact URI '" + artifactUri + "' is not a file path or file: URI (" + e.getMessage() + ")");
        }
        if (!file.startsWith(dataDir)) {
            return Optional.of("artifact " + artifactUri + " is outside the data directory " + dataDir);
        }
        if (!Files.isRegularFile(file)) {
            return Optional.of("artifact " + artifactUri + " does not exist (looked for " + file + ")");
        }
        try {
            String actual = sha256(file);
            if (!actual.equals(expectedSha256.toLowerCase(Locale.ROOT))) {
                return Optional.of("artifact " + artifactUri + " has SHA-256 " + actual + ", the command says " + expectedSha256);
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("artifact " + artifactUri + " cannot be read: " + e.getMessage());
        }
    }

    private Path resolve(String artifactUri) {
        Path path = artifactUri.startsWith("file:") ? Path.of(URI.create(artifactUri)) : Path.of(artifactUri);
        return dataDir.resolve(path).toAbsolutePath().normalize();
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStreamSink.INSTANCE);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Discards what the digest stream reads; the digest is all we want. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
