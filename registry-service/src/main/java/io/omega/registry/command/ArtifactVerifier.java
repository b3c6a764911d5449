package io.omega.registry.command;

import java.util.Optional;

/** Checks that a model artifact exists where a REGISTER command says and has the checksum it claims. */
public interface ArtifactVerifier {

    /** Why the artifact cannot be registered, or empty when it exists and its SHA-256 matches. */
    Optional<String> problem(String artifactUri, String expectedSha256);
}
