package io.omega.sink.decode;

import io.omega.schemas.event.Decision;
import io.omega.schemas.event.Direction;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.Decoder;

import java.io.IOException;
import java.time.Instant;

/**
 * Reads a {@link Decision} written with exactly the schema this build was generated from, field by field, into a
 * Decision whose maps are {@link io.omega.store.DoubleMap}s and whose repeated strings are shared between records.
 * Decisions are most of what the sink consumes, and Avro's generic map reading (a hash map of new strings and
 * boxed doubles per record, then copied and sorted into a row) was most of its decoding time.
 *
 * <p>Only for that one writer schema ({@link #readsWriterSchema}); any other goes through Avro's resolving reader.
 * The field order below is Decision.avsc's; a test decodes randomised decisions with both readers and compares.
 * Not thread-safe: the sink's deserializer runs on its consumer thread only.
 */
final class DecisionReader implements DatumReader<Decision> {

    private static final long FINGERPRINT = SchemaNormalization.parsingFingerprint64(Decision.getClassSchema());
    private static final Direction[] DIRECTIONS = Direction.values();

    private final InterningStrings symbols = new InterningStrings();
    private final InterningStrings modelTypes = new InterningStrings();
    private final InterningStrings modelVersions = new InterningStrings();
    private final DoubleMapReader marketFeatures = new DoubleMapReader();
    private final DoubleMapReader classProbabilities = new DoubleMapReader();

    /** Whether records written with {@code writer} are Decisions this reader decodes (same parsing form). */
    static boolean readsWriterSchema(Schema writer) {
        return SchemaNormalization.parsingFingerprint64(writer) == FINGERPRINT;
    }

    @Override
    public void setSchema(Schema schema) {
        if (!readsWriterSchema(schema)) {
            throw new IllegalArgumentException("this reader only reads the Decision schema it was built for, not " + schema);
        }
    }

    @Override
    public Decision read(Decision reuse, Decoder in) throws IOException {
        String id = in.readString();
        Instant eventTime = Instant.ofEpochMilli(in.readLong());
        String symbol = symbols.read(in);
        double price = in.readDouble();
        var features = marketFeatures.read(in);
        int direction = in.readEnum();
        if (direction < 0 || direction >= DIRECTIONS.length) {
            throw new IOException("direction index " + direction + " is not one of " + DIRECTIONS.length + " symbols");
        }
        double confidence = in.readDouble();
        var probabilities = classProbabilities.read(in);
        String modelType = modelTypes.read(in);
        String modelVersion = modelVersions.read(in);
        boolean shadow = in.readBoolean();
        boolean backfilled = in.readBoolean();
        return new Decision(id, eventTime, symbol, price, features, DIRECTIONS[direction], confidence, probabilities,
                modelType, modelVersion, shadow, backfilled);
    }
}
