package io.omega.schemas.serde;

import io.apicurio.registry.serde.avro.DefaultAvroDatumProvider;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Apicurio's datum provider, minus its per-record cost: {@code DefaultAvroDatumProvider.createDatumReader}
 * computes the writer schema's parsing-form fingerprint for every record to find its cached reader, which was half
 * of the sink's decoding time. Every deserializer of {@link OmegaSerdes} uses it. The schema resolver hands out one {@link Schema} instance per registry id, so the
 * reader is cached here by that instance.
 */
public class IdentityCachingDatumProvider<T> extends DefaultAvroDatumProvider<T> {

    /** Distinct writer schemas are few; this only guards against a resolver that stops reusing instances. */
    private static final int MAX_CACHED = 1024;

    private final Map<Schema, DatumReader<T>> readers = new IdentityHashMap<>();

    public IdentityCachingDatumProvider() {
        super();
    }

    @Override
    public synchronized DatumReader<T> createDatumReader(Schema schema) {
        DatumReader<T> reader = readers.get(schema);
        if (reader == null) {
            if (readers.size() >= MAX_CACHED) {
                readers.clear();
            }
            reader = newReader(schema);
            readers.put(schema, reader);
        }
        return reader;
    }

    /** The reader for records written with {@code writerSchema}; once per schema instance. Apicurio's by default. */
    protected DatumReader<T> newReader(Schema writerSchema) {
        return super.createDatumReader(writerSchema);
    }
}
