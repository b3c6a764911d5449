package io.omega.schemas.serde;

import com.microsoft.kiota.ApiExceptionBuilder;
import io.apicurio.registry.resolver.client.RegistryArtifactReference;
import io.apicurio.registry.resolver.client.RegistryClientFacade;
import io.apicurio.registry.resolver.client.RegistryVersionCoordinates;
import io.apicurio.registry.resolver.strategy.ArtifactReference;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A schema registry that lives in this JVM, for {@code omega demo} and tests: Apicurio's serializer and
 * deserializer talk to it instead of a server. Identical content gets one content id, as in the real registry,
 * so the bytes on the wire are the same as with a server: {@code 0x00}, the 4-byte content id, Avro binary.
 * Registration happens once per schema and the serdes cache lookups, so one lock is plenty.
 */
public final class InMemoryRegistryClient implements RegistryClientFacade {

    private static final String DEFAULT_GROUP = "default";

    private record Version(long globalId, long contentId, String groupId, String artifactId, String version) {
        RegistryVersionCoordinates coordinates() {
            return RegistryVersionCoordinates.create(globalId, contentId, groupId, artifactId, version);
        }
    }

    private final Map<String, Long> contentIdByContent = new HashMap<>();
    private final Map<Long, String> contentById = new HashMap<>();
    private final Map<String, Long> contentIdByHash = new HashMap<>();
    private final Map<String, List<Version>> versionsByArtifact = new HashMap<>();
    private final Map<Long, Version> versionByGlobalId = new HashMap<>();
    private long nextGlobalId = 1;
    private long nextContentId = 1;

    @Override
    public synchronized String getSchemaByContentId(Long contentId) {
        String content = contentById.get(contentId);
        if (content == null) {
            // What the real registry answers, so that consumers treat an unknown id alike in both modes.
            throw new ApiExceptionBuilder().withMessage("no schema with content id " + contentId
                    + " in the embedded registry").withResponseStatusCode(404).build();
        }
        return content;
    }

    @Override
    public synchronized String getSchemaByGlobalId(long globalId, boolean dereference) {
        return getSchemaByContentId(version(globalId).contentId());
    }

    @Override
    public synchronized String getSchemaByGAV(String groupId, String artifactId, String version) {
        return getSchemaByContentId(find(groupId, artifactId, version).contentId());
    }

    @Override
    public synchronized String getSchemaByContentHash(String contentHash) {
        Long id = contentIdByHash.get(contentHash);
        if (id == null) {
            throw new IllegalArgumentException("no schema with content hash " + contentHash + " in the embedded registry");
        }
        return contentById.get(id);
    }

    @Override
    public List<RegistryArtifactReference> getReferencesByContentId(long contentId) {
        return List.of(); // Avro records here are self-contained: no references
    }

    @Override
    public List<RegistryArtifactReference> getReferencesByGlobalId(long globalId) {
        return List.of();
    }

    @Override
    public List<RegistryArtifactReference> getReferencesByGAV(String groupId, String artifactId, String version) {
        return List.of();
    }

    @Override
    public List<RegistryArtifactReference> getReferencesByContentHash(String contentHash) {
        return List.of();
    }

    @Override
    public synchronized List<RegistryVersionCoordinates> searchVersionsByContent(String schema, String artifactType,
            ArtifactReference reference, boolean canonical) {
        Long contentId = contentIdByContent.get(schema);
        List<RegistryVersionCoordinates> found = new ArrayList<>();
        if (contentId != null) {
            for (Version v : versionsByArtifact.getOrDefault(key(reference.getGroupId(), reference.getArtifactId()), List.of())) {
                if (v.contentId() == contentId) {
                    found.add(v.coordinates());
                }
            }
        }
        return found;
    }

    @Override
    public synchronized RegistryVersionCoordinates createSchema(String artifactType, String groupId, String artifactId,
            String version, String ifExists, boolean canonical, String schema, Set<RegistryArtifactReference> references) {
        long contentId = contentIdByContent.computeIfAbsent(schema, content -> {
            long id = nextContentId++;
            contentById.put(id, content);
            contentIdByHash.put(sha256(content), id);
            return id;
        });
        List<Version> versions = versionsByArtifact.computeIfAbsent(key(groupId, artifactId), k -> new ArrayList<>());
        for (Version v : versions) {
            if (v.contentId() == contentId) {
                return v.coordinates(); // same content again: the existing version, as FIND_OR_CREATE_VERSION does
            }
        }
        String name = version != null ? version : String.valueOf(versions.size() + 1);
        Version created = new Version(nextGlobalId++, contentId, group(groupId), artifactId, name);
        versions.add(created);
        versionByGlobalId.put(created.globalId(), created);
        return created.coordinates();
    }

    @Override
    public synchronized RegistryVersionCoordinates getVersionCoordinatesByGAV(String groupId, String artifactId,
                                                                              String version) {
        return find(groupId, artifactId, version).coordinates();
    }

    @Override
    public Object getClient() {
        return this;
    }

    private Version find(String groupId, String artifactId, String version) {
        List<Version> versions = versionsByArtifact.get(key(groupId, artifactId));
        if (versions == null || versions.isEmpty()) {
            throw new IllegalArgumentException("no artifact " + key(groupId, artifactId) + " in the embedded registry");
        }
        if (version == null || "latest".equals(version)) {
            return versions.get(versions.size() - 1);
        }
        return versions.stream().filter(v -> v.version().equals(version)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no version " + version + " of " + key(groupId, artifactId)));
    }

    private Version version(long globalId) {
        Version v = versionByGlobalId.get(globalId);
        if (v == null) {
            throw new IllegalArgumentException("no schema with global id " + globalId + " in the embedded registry");
        }
        return v;
    }

    private static String key(String groupId, String artifactId) {
        return group(groupId) + "/" + artifactId;
    }

    private static String group(String groupId) {
        return groupId == null ? DEFAULT_GROUP : groupId;
    }

    private static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
