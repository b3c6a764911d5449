package io.omega.schemas.serde;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the schema-registry wire format ({@code 0x00}, 4-byte big-endian schema id, Avro binary) and asks the
 * registry only once per topic and schema. The first record of a (topic, schema) goes through Apicurio's
 * serializer, which registers or looks up the schema; the id it wrote is remembered and every later record is
 * encoded directly. Apicurio's serializer resolves the schema again for every record (walking it for
 * references), which made it several times slower than the broker; the bytes are the same either way.
 */
final class RegisteredSchemaSerializer<T extends SpecificRecord> implements Serializer<T> {

    private record Subject(String topic, Schema schema) {
    }

    /**
     * Per-thread output: a buffered encoder over an unsynchronised growable array. Avro's direct encoder over a
     * {@code ByteArrayOutputStream} made one synchronised call per primitive and took twice as long per record.
     */
    private static final class Buffers {
        final GrowableBytes out = new GrowableBytes(512);
        BinaryEncoder encoder;
    }

    private final Serializer<T> registering;
    private final Map<Subject, Integer> ids = new ConcurrentHashMap<>();
    private final Map<Schema, SpecificDatumWriter<T>> writers = new ConcurrentHashMap<>();
    private final ThreadLocal<Buffers> buffers = ThreadLocal.withInitial(Buffers::new);

    RegisteredSchemaSerializer(Serializer<T> registering) {
        this.registering = registering;
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        Schema schema = data.getSchema();
        Integer id = ids.get(new Subject(topic, schema));
        if (id == null) {
            byte[] first = registering.serialize(topic, data);
            ids.put(new Subject(topic, schema), ((first[1] & 0xff) << 24) | ((first[2] & 0xff) << 16)
                    | ((first[3] & 0xff) << 8) | (first[4] & 0xff));
            return first;
        }
        Buffers b = buffers.get();
        b.out.reset();
        b.out.write(0);
        b.out.write(id >>> 24);
        b.out.write(id >>> 16);
        b.out.write(id >>> 8);
        b.out.write(id);
        b.encoder = EncoderFactory.get().binaryEncoder(b.out, b.encoder);
        try {
            writers.computeIfAbsent(schema, SpecificDatumWriter::new).write(data, b.encoder);
            b.encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot encode a " + schema.getName() + " for topic " + topic + ": " + e, e);
        }
        return b.out.toByteArray();
    }

    @Override
    public void close() {
        registering.close();
    }
}
