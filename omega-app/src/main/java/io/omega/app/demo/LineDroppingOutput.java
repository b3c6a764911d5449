package io.omega.app.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard output without the lines that start with a given prefix. Deeplearning4j's SameDiff prints
 * "Added differentiated op ..." with {@code System.out.println} each time an LSTM is built for training; in the
 * demo's progress those lines say nothing to the reader. Everything else passes through unchanged, line by line.
 */
final class LineDroppingOutput extends OutputStream {

    private final OutputStream target;
    private final byte[] prefix;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineDroppingOutput(OutputStream target, String prefix) {
        this.target = target;
        this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n') {
            emitLine();
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        // A partial line is held back until it ends: whether to drop it depends on its start.
        target.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        if (line.size() > 0) {
            emitLine();
        }
        target.flush();
    }

    private void emitLine() throws IOException {
        byte[] bytes = line.toByteArray();
        line.reset();
        if (!startsWithPrefix(bytes)) {
            target.write(bytes);
            target.flush();
        }
    }

    private boolean startsWithPrefix(byte[] bytes) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
