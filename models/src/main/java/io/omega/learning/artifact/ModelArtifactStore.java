package io.omega.learning.artifact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.omega.learning.model.ModelType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Model files under {@code <data-dir>/models/<model_type>/}: {@code <type>_<version>.zip} (DL4J ModelSerializer,
 * with the updater state so a model can be trained further) and {@code <type>_<version>.json} (metadata with the
 * zip's SHA-256). Both are written to a temporary name and moved into place, the metadata last, so a reader never
 * sees a metadata file whose zip is incomplete. Saving and loading go through this class alone.
 */
public final class ModelArtifactStore {

    private final Path dataDir;
    private final VersionIds versionIds;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ModelArtifactStore(Path dataDir, Clock clock) {
        this.dataDir = dataDir;
        this.clock = clock;
        this.versionIds = new VersionIds(clock);
    }

    public Path directory(ModelType type) {
        return dataDir.resolve("models").resolve(type.id());
    }

    public Path zipPath(ModelType type, String version) {
        return directory(type).resolve(type.id() + "_" + version + ".zip");
    }

    public Path metadataPath(ModelType type, String version) {
        return directory(type).resolve(type.id() + "_" + version + ".json");
    }

    /** Saves under a new version id (now, UTC; the next free second if taken). */
    public SavedModel saveModel(ModelType type, MultiLayerNetwork network, ModelMetadata metadata) {
        createDirectory(type);
        while (true) {
            String version = versionIds.next(v -> Files.exists(zipPath(type, v)) || Files.exists(metadataPath(type, v)));
            try {
                // Claim the name atomically: two savers in the same second get different versions.
                Files.createFile(zipPath(type, version));
            } catch (FileAlreadyExistsException raced) {
                continue;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + zipPath(type, version), e);
            }
            return write(type, version, network, metadata);
        }
    }

    /** Saves under the given version id; refuses to overwrite an existing model. */
    public SavedModel saveModel(ModelType type, String versionTag, MultiLayerNetwork network, ModelMetadata metadata) {
        VersionIds.requireValid(versionTag);
        createDirectory(type);
        try {
            Files.createFile(zipPath(type, versionTag));
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("model " + type.id() + " version " + versionTag + " already exists at "
                    + zipPath(type, versionTag));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + zipPath(type, versionTag), e);
        }
        return write(type, versionTag, network, metadata);
    }

    public LoadedModel loadModel(ModelType type, String version) {
        VersionIds.requireValid(version);
        Path zip = zipPath(type, version);
        Path meta = metadataPath(type, version);
        ModelMetadata metadata;
        try {
            metadata = json.readValue(meta.toFile(), ModelMetadata.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model metadata " + meta + ": " + e.getMessage(), e);
        }
        String actual;
        try {
            actual = sha256(zip);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("model file " + zip + " is missing (its metadata " + meta + " exists)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + zip, e);
        }
        if (!actual.equalsIgnoreCase(metadata.sha256())) {
            throw new ChecksumMismatchException(zip, metadata.sha256(), actual);
        }
        try {
            return new LoadedModel(ModelSerializer.restoreMultiLayerNetwork(zip.toFile(), true), metadata);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore network from " + zip, e);
        }
    }

    /** Versions that have metadata, oldest first. */
    public List<String> versions(ModelType type) {
        Path dir = directory(type);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        String prefix = type.id() + "_";
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(prefix) && n.endsWith(".json"))
                    .map(n -> n.substring(prefix.length(), n.length() - ".json".length()))
                    .filter(v -> VersionIds.FORMAT.matcher(v).matches())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int r; (r = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, r);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private SavedModel write(ModelType type, String version, MultiLayerNetwork network, ModelMetadata metadata) {
        Path zip = zipPath(type, version);
        Path meta = metadataPath(type, version);
        Path tmpZip = zip.resolveSibling(zip.getFileName() + ".tmp");
        Path tmpMeta = meta.resolveSibling(meta.getFileName() + ".tmp");
        try {
            ModelSerializer.writeModel(network, tmpZip.toFile(), true);
            String checksum = sha256(tmpZip);
            ModelMetadata stamped = metadata.stamped(version, clock.instant().toString(), checksum);
            json.writeValue(tmpMeta.toFile(), stamped);
            Files.move(tmpZip, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(tmpMeta, meta, StandardCopyOption.ATOMIC_MOVE);
            return new SavedModel(version, zip, meta, stamped);
        } catch (IOException e) {
            deleteQuietly(tmpZip);
            deleteQuietly(tmpMeta);
            deleteQuietly(zip);
            throw new UncheckedIOException("cannot save model " + type.id() + " " + version + " to " + directory(type)
                    + ": " + e.getMessage(), e);
        }
    }

    private void createDirectory(ModelType type) {
        try {
            Files.createDirectories(directory(type));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create model directory " + directory(type), e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: the original error is the one to report
        }
    }
}
