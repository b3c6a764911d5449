package io.omega.store.format;

import io.omega.store.ExecutionRow;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

import java.util.List;

/** Columns of {@code executions}. */
public final class ExecutionCodec implements RowCodec<ExecutionRow> {

    public static final Schema SCHEMA = SchemaBuilder.record("ExecutionRow").namespace("io.omega.store")
            .doc("A position opened by the live engine.")
            .fields()
            .name("id").type(Columns.STRING).noDefault()
            .name("trade_id").type(Columns.STRING).noDefault()
            .name("decision_id").type(Columns.STRING).noDefault()
            .name("event_time").type(Columns.TIMESTAMP).noDefault()
            .name("symbol").type(Columns.STRING).noDefault()
            .name("direction").type(Columns.STRING).noDefault()
            .name("entry_price").type().doubleType().noDefault()
            .name("size").type().doubleType().noDefault()
            .name("stop_loss").type().doubleType().noDefault()
            .name("take_profit").type().doubleType().noDefault()
            .name("fee").type().doubleType().noDefault()
            .name("slippage").type().doubleType().noDefault()
            .name("model_type").type(Columns.STRING).noDefault()
            .name("model_version").type(Columns.STRING).noDefault()
            .name("mode").type(Columns.STRING).noDefault()
            .name("kafka_partition").type().intType().noDefault()
            .name("kafka_offset").type().longType().noDefault()
            .endRecord();

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public GenericRecord toAvro(ExecutionRow r) {
        GenericData.Record g = new GenericData.Record(SCHEMA);
        g.put(0, r.id());
        g.put(1, r.tradeId());
        g.put(2, r.decisionId());
        g.put(3, r.eventTime().toEpochMilli());
        g.put(4, r.symbol());
        g.put(5, r.direction());
        g.put(6, r.entryPrice());
        g.put(7, r.size());
        g.put(8, r.stopLoss());
        g.put(9, r.takeProfit());
        g.put(10, r.fee());
        g.put(11, r.slippage());
        g.put(12, r.modelType());
        g.put(13, r.modelVersion());
        g.put(14, r.mode());
        g.put(15, r.kafkaPartition());
        g.put(16, r.kafkaOffset());
        return g;
    }

    @Override
    public ExecutionRow fromAvro(GenericRecord g) {
        return new ExecutionRow(Columns.str(g.get(0)), Columns.str(g.get(1)), Columns.str(g.get(2)),
                Columns.instant(g.get(3)), Columns.str(g.get(4)), Columns.str(g.get(5)), (Double) g.get(6),
                (Double) g.get(7), (Double) g.get(8), (Double) g.get(9), (Double) g.get(10), (Double) g.get(11),
                Columns.str(g.get(12)), Columns.str(g.get(13)), Columns.str(g.get(14)), (Integer) g.get(15),
                (Long) g.get(16));
    }

    @Override
    public List<String> toCsv(ExecutionRow r) {
        return List.of(r.id(), r.tradeId(), r.decisionId(), Columns.time(r.eventTime()), r.symbol(), r.direction(),
                Double.toString(r.entryPrice()), Double.toString(r.size()), Double.toString(r.stopLoss()),
                Double.toString(r.takeProfit()), Double.toString(r.fee()), Double.toString(r.slippage()),
                r.modelType(), r.modelVersion(), r.mode(), Integer.toString(r.kafkaPartition()),
                Long.toString(r.kafkaOffset()));
    }

    @Override
    public ExecutionRow fromCsv(List<String> v) {
        return new ExecutionRow(v.get(0), v.get(1), v.get(2), Columns.time(v.get(3)), v.get(4), v.get(5),
                Double.parseDouble(v.get(6)), Double.parseDouble(v.get(7)), Double.parseDouble(v.get(8)),
                Double.parseDouble(v.get(9)), Double.parseDouble(v.get(10)), Double.parseDouble(v.get(11)),
                v.get(12), v.get(13), v.get(14), Integer.parseInt(v.get(15)), Long.parseLong(v.get(16)));
    }
}
