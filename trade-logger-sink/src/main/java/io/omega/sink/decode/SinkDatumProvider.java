package io.omega.sink.decode;

import io.omega.schemas.serde.IdentityCachingDatumProvider;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;

/**
 * The sink's Avro readers: {@link DecisionReader} for decisions written with this build's schema, Apicurio's
 * resolving readers for everything else (older or newer writer schemas, the other events).
 */
public final class SinkDatumProvider<T> extends IdentityCachingDatumProvider<T> {

    public SinkDatumProvider() {
        super();
    }

    @SuppressWarnings("unchecked")
    @Override
    protected DatumReader<T> newReader(Schema writerSchema) {
        if (DecisionReader.readsWriterSchema(writerSchema)) {
            return (DatumReader<T>) new DecisionReader();
        }
        return super.newReader(writerSchema);
    }
}
