package io.omega.learning.artifact;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** A verified model and its metadata. */
public record LoadedModel(MultiLayerNetwork network, ModelMetadata metadata) {
}
