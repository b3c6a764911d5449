package io.omega.paper.market.file;

import io.omega.store.format.LocalCodecFactory;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parquet candles: columns {@code timestamp} (or time, date, open_time: freqtrade's Parquet calls it date), open,
 * high, low, close and volume, matched case-insensitively; other columns are ignored. The time is an int64 epoch
 * value (seconds, milliseconds or microseconds, told apart as in CSV) or a Parquet timestamp of any unit; prices and
 * volume are double, float or integer columns. Rows are named by their position: {@code prices.parquet row 17}.
 * Read through parquet-hadoop on the local file, with no Hadoop file system, as the experience files are.
 */
final class ParquetCandles {

    private static final String[] VALUES = {"open", "high", "low", "close", "volume"};
    private static final ParquetReadOptions FOOTER_ONLY = ParquetReadOptions.builder(new PlainParquetConfiguration())
            .withCodecFactory(LocalCodecFactory.INSTANCE).build();

    private ParquetCandles() {
    }

    static FileMarket read(Path file, String symbol) {
        String name = file.getFileName().toString();
        LocalInputFile input = new LocalInputFile(file);
        MessageType schema;
        try (ParquetFileReader footer = ParquetFileReader.open(input, FOOTER_ONLY)) {
            schema = footer.getFileMetaData().getSchema();
        } catch (IOException e) {
            throw new MarketFileException(name + ": not a readable Parquet file: " + e.getMessage(), e);
        }
        int time = timeColumn(name, schema);
        TimestampLogicalTypeAnnotation timeType = timeType(name, schema.getType(time));
        int[] values = new int[VALUES.length];
        for (int i = 0; i < VALUES.length; i++) {
            values[i] = valueColumn(name, schema, VALUES[i]);
        }
        String timeName = schema.getFieldName(time);
        TimestampReader times = new TimestampReader();
        CandleSeries series = new CandleSeries(name);
        try (ParquetReader<Group> reader = new ParquetReader.Builder<Group>(input, new PlainParquetConfiguration()) {
            @Override
            protected ReadSupport<Group> getReadSupport() {
                return new GroupReadSupport();
            }
        }.withCodecFactory(LocalCodecFactory.INSTANCE).build()) {
            long number = 0;
            for (Group g = reader.read(); g != null; g = reader.read()) {
                RowRef row = new RowRef(name, "row " + ++number);
                long rawTime = present(g, time, row, timeName).getLong(time, 0);
                Instant start = timeType == null ? times.read(row, timeName, rawTime) : instant(rawTime, timeType);
                double[] v = new double[VALUES.length];
                for (int i = 0; i < VALUES.length; i++) {
                    v[i] = number(present(g, values[i], row, VALUES[i]), values[i],
                            schema.getType(values[i]).asPrimitiveType());
                }
                series.add(Candle.checked(row, start, v[0], v[1], v[2], v[3], v[4]));
            }
            if (number == 0) {
                throw new MarketFileException(name + ": no rows");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String timesAre = timeType == null ? times.kind().description()
                : "a Parquet timestamp in " + timeType.getUnit().name().toLowerCase(Locale.ROOT);
        return series.finish("candles as Parquet, timestamps in " + timesAre, symbol);
    }

    private static int timeColumn(String name, MessageType schema) {
        List<String> found = new ArrayList<>();
        int at = -1;
        for (int i = 0; i < schema.getFieldCount(); i++) {
            if (CsvHeader.TIME_NAMES.contains(schema.getFieldName(i).toLowerCase(Locale.ROOT))) {
                found.add(schema.getFieldName(i));
                at = i;
            }
        }
        if (found.size() != 1) {
            throw new MarketFileException(name + ": " + (found.isEmpty() ? "no time column (one of timestamp, time, "
                    + "date, open_time)" : "more than one time column " + found) + " among the columns " + names(schema));
        }
        return at;
    }

    /** The column's timestamp unit, or null for a plain int64 (epoch units told apart by magnitude). */
    private static TimestampLogicalTypeAnnotation timeType(String name, Type column) {
        if (column.isPrimitive() && column.asPrimitiveType().getPrimitiveTypeName()
                == PrimitiveType.PrimitiveTypeName.INT64 && column.getRepetition() != Type.Repetition.REPEATED) {
            LogicalTypeAnnotation logical = column.getLogicalTypeAnnotation();
            if (logical == null || logical instanceof TimestampLogicalTypeAnnotation) {
                return (TimestampLogicalTypeAnnotation) logical;
            }
        }
        throw new MarketFileException(name + ": column '" + column.getName() + "' is " + column
                + ": expected int64 epoch milliseconds or a timestamp");
    }

    private static int valueColumn(String name, MessageType schema, String wanted) {
        for (int i = 0; i < schema.getFieldCount(); i++) {
            Type column = schema.getType(i);
            if (!column.getName().equalsIgnoreCase(wanted)) {
                continue;
            }
            boolean numeric = column.isPrimitive() && column.getLogicalTypeAnnotation() == null
                    && column.getRepetition() != Type.Repetition.REPEATED
                    && switch (column.asPrimitiveType().getPrimitiveTypeName()) {
                        case DOUBLE, FLOAT, INT32, INT64 -> true;
                        default -> false;
                    };
            if (!numeric) {
                throw new MarketFileException(name + ": column '" + column.getName() + "' is " + column
                        + ": expected double, float or an integer");
            }
            return i;
        }
        throw new MarketFileException(name + ": no column '" + wanted + "' among the columns " + names(schema));
    }

    private static Group present(Group g, int column, RowRef row, String field) {
        if (g.getFieldRepetitionCount(column) == 0) {
            throw row.field(field, "no value (null)");
        }
        return g;
    }

    private static double number(Group g, int column, PrimitiveType type) {
        return switch (type.getPrimitiveTypeName()) {
            case DOUBLE -> g.getDouble(column, 0);
            case FLOAT -> g.getFloat(column, 0);
            case INT32 -> g.getInteger(column, 0);
            default -> g.getLong(column, 0);
        };
    }

    private static Instant instant(long value, TimestampLogicalTypeAnnotation type) {
        return switch (type.getUnit()) {
            case MILLIS -> Instant.ofEpochMilli(value);
            case MICROS -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L),
                    Math.floorMod(value, 1_000_000L) * 1_000L);
            case NANOS -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000_000L),
                    Math.floorMod(value, 1_000_000_000L));
        };
    }

    private static List<String> names(MessageType schema) {
        return schema.getFields().stream().map(Type::getName).toList();
    }
}
