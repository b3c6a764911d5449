package io.omega.store.format;

import io.omega.store.OutcomeRow;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

import java.util.List;

/** Columns of {@code outcomes}. */
public final class OutcomeCodec implements RowCodec<OutcomeRow> {

    public static final Schema SCHEMA = SchemaBuilder.record("OutcomeRow").namespace("io.omega.store")
            .doc("The close of a trade and its result.")
            .fields()
            .name("id").type(Columns.STRING).noDefault()
            .name("trade_id").type(Columns.STRING).noDefault()
            .name("event_time").type(Columns.TIMESTAMP).noDefault()
            .name("symbol").type(Columns.STRING).noDefault()
            .name("exit_price").type().doubleType().noDefault()
            .name("pnl").type().doubleType().noDefault()
            .name("pnl_pct").type().doubleType().noDefault()
            .name("duration_ms").type().longType().noDefault()
            .name("exit_reason").type(Columns.STRING).noDefault()
            .name("model_type").type(Columns.STRING).noDefault()
            .name("model_version").type(Columns.STRING).noDefault()
            .name("kafka_partition").type().intType().noDefault()
            .name("kafka_offset").type().longType().noDefault()
            .endRecord();

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public GenericRecord toAvro(OutcomeRow r) {
        GenericData.Record g = new GenericData.Record(SCHEMA);
        g.put(0, r.id());
        g.put(1, r.tradeId());
        g.put(2, r.eventTime().toEpochMilli());
        g.put(3, r.symbol());
        g.put(4, r.exitPrice());
        g.put(5, r.pnl());
        g.put(6, r.pnlPct());
        g.put(7, r.durationMs());
        g.put(8, r.exitReason());
        g.put(9, r.modelType());
        g.put(10, r.modelVersion());
        g.put(11, r.kafkaPartition());
        g.put(12, r.kafkaOffset());
        return g;
    }

    @Override
    public OutcomeRow fromAvro(GenericRecord g) {
        return new OutcomeRow(Columns.str(g.get(0)), Columns.str(g.get(1)), Columns.instant(g.get(2)),
                Columns.str(g.get(3)), (Double) g.get(4), (Double) g.get(5), (Double) g.get(6), (Long) g.get(7),
                Columns.str(g.get(8)), Columns.str(g.get(9)), Columns.str(g.get(10)), (Integer) g.get(11),
                (Long) g.get(12));
    }

    @Override
    public List<String> toCsv(OutcomeRow r) {
        return List.of(r.id(), r.tradeId(), Columns.time(r.eventTime()), r.symbol(), Double.toString(r.exitPrice()),
                Double.toString(r.pnl()), Double.toString(r.pnlPct()), Long.toString(r.durationMs()), r.exitReason(),
                r.modelType(), r.modelVersion(), Integer.toString(r.kafkaPartition()), Long.toString(r.kafkaOffset()));
    }

    @Override
    public OutcomeRow fromCsv(List<String> v) {
        return new OutcomeRow(v.get(0), v.get(1), Columns.time(v.get(2)), v.get(3), Double.parseDouble(v.get(4)),
                Double.parseDouble(v.get(5)), Double.parseDouble(v.get(6)), Long.parseLong(v.get(7)), v.get(8),
                v.get(9), v.get(10), Integer.parseInt(v.get(11)), Long.parseLong(v.get(12)));
    }
}
