package io.omega.learning.artifact;

import java.nio.file.Path;

/** Where a model was written, and the metadata written with it. */
public record SavedModel(String version, Path zip, Path metadataFile, ModelMetadata metadata) {
}
