package io.omega.store.format;

import io.omega.store.DecisionRow;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

import java.util.List;

/** Columns of {@code decisions}. */
public final class DecisionCodec implements RowCodec<DecisionRow> {

    public static final Schema SCHEMA = SchemaBuilder.record("DecisionRow").namespace("io.omega.store")
            .doc("A decision of the live engine or of a shadow model (is_shadow).")
            .fields()
            .name("id").type(Columns.STRING).noDefault()
            .name("event_time").type(Columns.TIMESTAMP).noDefault()
            .name("symbol").type(Columns.STRING).noDefault()
            .name("price").type().doubleType().noDefault()
            .name("market_features").type(Columns.DOUBLE_MAP).noDefault()
            .name("direction").type(Columns.STRING).noDefault()
            .name("confidence").type().doubleType().noDefault()
            .name("class_probabilities").type(Columns.DOUBLE_MAP).noDefault()
            .name("model_type").type(Columns.STRING).noDefault()
            .name("model_version").type(Columns.STRING).noDefault()
            .name("is_shadow").type().booleanType().noDefault()
            .name("kafka_partition").type().intType().noDefault()
            .name("kafka_offset").type().longType().noDefault()
            .endRecord();

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public GenericRecord toAvro(DecisionRow r) {
        GenericData.Record g = new GenericData.Record(SCHEMA);
        g.put(0, r.id());
        g.put(1, r.eventTime().toEpochMilli());
        g.put(2, r.symbol());
        g.put(3, r.price());
        g.put(4, r.marketFeatures());
        g.put(5, r.direction());
        g.put(6, r.confidence());
        g.put(7, r.classProbabilities());
        g.put(8, r.modelType());
        g.put(9, r.modelVersion());
        g.put(10, r.isShadow());
        g.put(11, r.kafkaPartition());
        g.put(12, r.kafkaOffset());
        return g;
    }

    @Override
    public DecisionRow fromAvro(GenericRecord g) {
        return new DecisionRow(Columns.str(g.get(0)), Columns.instant(g.get(1)), Columns.str(g.get(2)),
                (Double) g.get(3), Columns.doubleMap(g.get(4)), Columns.str(g.get(5)), (Double) g.get(6),
                Columns.doubleMap(g.get(7)), Columns.str(g.get(8)), Columns.str(g.get(9)), (Boolean) g.get(10),
                (Integer) g.get(11), (Long) g.get(12));
    }

    @Override
    public List<String> toCsv(DecisionRow r) {
        return List.of(r.id(), Columns.time(r.eventTime()), r.symbol(), Double.toString(r.price()),
                Columns.mapToText(r.marketFeatures()), r.direction(), Double.toString(r.confidence()),
                Columns.mapToText(r.classProbabilities()), r.modelType(), r.modelVersion(),
                Boolean.toString(r.isShadow()), Integer.toString(r.kafkaPartition()), Long.toString(r.kafkaOffset()));
    }

    @Override
    public DecisionRow fromCsv(List<String> v) {
        return new DecisionRow(v.get(0), Columns.time(v.get(1)), v.get(2), Double.parseDouble(v.get(3)),
                Columns.mapFromText(v.get(4)), v.get(5), Double.parseDouble(v.get(6)), Columns.mapFromText(v.get(7)),
                v.get(8), v.get(9), Boolean.parseBoolean(v.get(10)), Integer.parseInt(v.get(11)),
                Long.parseLong(v.get(12)));
    }
}
