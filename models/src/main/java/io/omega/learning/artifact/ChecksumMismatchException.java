package io.omega.learning.artifact;

import java.nio.file.Path;

/** A model zip whose SHA-256 differs from the one its metadata recorded: it was changed or damaged after saving. */
public class ChecksumMismatchException extends RuntimeException {
    public ChecksumMismatchException(Path file, String expected, String actual) {
        super("refusing to load " + file + ": its SHA-256 is " + actual + " but its metadata records " + expected);
    }
}
