package io.omega.learning.artifact;

/** The data a model was trained on: ISO-8601 UTC times of the first and last row, the split cuts, part sizes. */
public record DataRange(String from, String to, String validationStart, String testStart, int trainSamples,
                        int validationSamples, int testSamples, int purgedSamples) {
}
