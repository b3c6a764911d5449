package io.omega.sink.decode;

import io.omega.schemas.event.Decision;
import io.omega.schemas.event.Direction;
import io.omega.store.DoubleMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written decision reader must decode exactly what Avro's own reader decodes, record after record, while
 * key sets, key orders, strings and map sizes change between records.
 */
class DecisionReaderTest {

    private static final String[] FEATURES = {"close", "rsi", "volume", "ema_fast", "ema_slow", "prix_é", "ret_1"};

    @Test
    void decodesRandomisedDecisionsExactlyAsAvroDoes() throws IOException {
        Random random = new Random(42);
        List<Decision> decisions = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            decisions.add(randomDecision(random, i));
        }
        DecisionReader fast = new DecisionReader();
        SpecificDatumReader<Decision> avro = new SpecificDatumReader<>(Decision.class);
        int identicalKeyArrays = 0;
        Map<String, Double> previous = null;
        for (Decision d : decisions) {
            byte[] bytes = encode(d);
            Decision ours = decode(fast, bytes);
            assertThat(ours).isEqualTo(decode(avro, bytes)).isEqualTo(d);
            assertThat(ours.getMarketFeatures()).isInstanceOf(DoubleMap.class);
            if (previous != null && previous.keySet().equals(ours.getMarketFeatures().keySet())) {
                identicalKeyArrays++;
            }
            previous = ours.getMarketFeatures();
        }
        // Most records repeat the previous record's features: those share its keys (checked equal above).
        assertThat(identicalKeyArrays).isGreaterThan(3_000);
    }

    @Test
    void aRepeatedKeyOnTheWireKeepsTheLastValueAsAvroDoes() throws IOException {
        Decision template = randomDecision(new Random(1), 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder e = EncoderFactory.get().directBinaryEncoder(out, null);
        e.writeString(template.getId());
        e.writeLong(template.getEventTime().toEpochMilli());
        e.writeString("BTC-USDT-SWAP");
        e.writeDouble(1.5);
        e.writeMapStart();
        e.setItemCount(3);
        for (Object[] kv : new Object[][]{{"rsi", 1.0}, {"close", 2.0}, {"rsi", 3.0}}) {
            e.startItem();
            e.writeString((String) kv[0]);
            e.writeDouble((Double) kv[1]);
        }
        e.writeMapEnd();
        e.writeEnum(Direction.SHORT.ordinal());
        e.writeDouble(0.7);
        e.writeMapStart();
        e.setItemCount(0);
        e.writeMapEnd();
        e.writeString("cnn");
        e.writeString("v1");
        e.writeBoolean(true);
        e.writeBoolean(true);
        e.flush();
        Decision ours = decode(new DecisionReader(), out.toByteArray());
        Decision avro = decode(new SpecificDatumReader<>(Decision.class), out.toByteArray());
        assertThat(ours).isEqualTo(avro);
        assertThat(ours.getMarketFeatures()).containsExactlyInAnyOrderEntriesOf(Map.of("rsi", 3.0, "close", 2.0));
    }

    @Test
    void onlyTheCurrentDecisionSchemaIsReadByHand() {
        Schema evolved = SchemaBuilder.record("Decision").namespace("io.omega.schemas.event").fields()
                .requiredString("id").endRecord();
        assertThat(DecisionReader.readsWriterSchema(Decision.getClassSchema())).isTrue();
        assertThat(DecisionReader.readsWriterSchema(evolved)).isFalse();
        SinkDatumProvider<Object> provider = new SinkDatumProvider<>();
        provider.setUseSpecificAvroReader(true);
        assertThat(provider.createDatumReader(Decision.getClassSchema())).isInstanceOf(DecisionReader.class);
        assertThat(provider.createDatumReader(evolved)).isNotInstanceOf(DecisionReader.class);
    }

    private static Decision randomDecision(Random random, int i) {
        // Runs of records with one key set, in one insertion order, as a producer sends them; then a change.
        int regime = (i / 250) % 4;
        Map<String, Double> features = switch (regime) {
            case 0 -> new LinkedHashMap<>(Map.of("close", 1.0 + i, "rsi", random.nextDouble() * 100));
            case 1 -> {
                Map<String, Double> m = new LinkedHashMap<>();
                for (int k = FEATURES.length - 1; k >= 0; k--) {
                    m.put(FEATURES[k], random.nextGaussian());
                }
                yield m;
            }
            case 2 -> random.nextInt(10) == 0 ? Map.of() : new HashMap<>(Map.of("close", 2.0, "volume", -0.0));
            default -> {
                Map<String, Double> m = new LinkedHashMap<>();
                for (int k = 0; k < 1 + random.nextInt(FEATURES.length); k++) {
                    m.put(FEATURES[random.nextInt(FEATURES.length)], random.nextDouble());
                }
                yield m;
            }
        };
        Map<String, Double> probabilities = random.nextInt(20) == 0 ? Map.of()
                : new LinkedHashMap<>(Map.of("LONG", 0.5, "SHORT", 0.3, "FLAT", 0.2));
        return new Decision("d-" + i + "-" + random.nextLong(), Instant.ofEpochMilli(1_700_000_000_000L + i * 1000L),
                random.nextInt(50) == 0 ? "ETH-USDT-SWAP" : "BTC-USDT-SWAP", 40_000 + random.nextDouble(), features,
                Direction.values()[random.nextInt(3)], random.nextDouble(), probabilities,
                i % 3 == 0 ? "lstm" : "cnn", "2025012" + (i / 1000) + "_120000", random.nextBoolean(),
                random.nextBoolean());
    }

    private static byte[] encode(Decision d) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(Decision.class).write(d, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static Decision decode(DatumReader<Decision> reader, byte[] bytes) throws IOException {
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, null);
        Decision d = reader.read(null, decoder);
        assertThat(decoder.isEnd()).as("every byte read").isTrue();
        return d;
    }
}
