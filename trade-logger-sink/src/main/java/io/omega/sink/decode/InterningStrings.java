package io.omega.sink.decode;

import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads an Avro string field whose value mostly repeats from one record to the next (a symbol, a model version):
 * when the bytes equal the previous record's, the previous {@link String} is returned instead of a new one.
 * Not thread-safe: one per reader, and a reader is used by one consumer thread.
 */
final class InterningStrings {

    private final Utf8 scratch = new Utf8();
    private byte[] lastBytes = new byte[0];
    private String last = "";

    String read(Decoder in) throws IOException {
        Utf8 utf8 = in.readString(scratch);
        int length = utf8.getByteLength();
        if (length == lastBytes.length && Arrays.equals(utf8.getBytes(), 0, length, lastBytes, 0, length)) {
            return last;
        }
        lastBytes = Arrays.copyOf(utf8.getBytes(), length);
        last = new String(lastBytes, StandardCharsets.UTF_8);
        return last;
    }
}
