package io.omega.paper.market.file;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * freqtrade's JSON candles: {@code [[timestamp, open, high, low, close, volume], ...]}, the timestamp in epoch
 * milliseconds (seconds and microseconds are told apart as in CSV). Read as a stream, so a year of minutes does
 * not become a tree first. freqtrade writes the whole file on one line, so a row is named by its line and its
 * position: {@code candles.json line 1 (candle 17)}.
 */
final class FreqtradeJson {

    private static final String[] FIELDS = {"timestamp", "open", "high", "low", "close", "volume"};

    private FreqtradeJson() {
    }

    static FileMarket read(Path file, String symbol) {
        String name = file.getFileName().toString();
        TimestampReader times = new TimestampReader();
        CandleSeries series = new CandleSeries(name);
        try (JsonParser json = new JsonFactory().createParser(file.toFile())) {
            if (json.nextToken() != JsonToken.START_ARRAY) {
                throw new MarketFileException(name + " line " + json.currentLocation().getLineNr()
                        + ": expected a JSON array of candles [[timestamp, open, high, low, close, volume], ...]");
            }
            int index = 0;
            for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
                index++;
                RowRef row = new RowRef(name, "line " + json.currentLocation().getLineNr() + " (candle " + index + ")");
                if (token != JsonToken.START_ARRAY) {
                    throw row.problem("expected a candle [timestamp, open, high, low, close, volume], got "
                            + json.getText());
                }
                series.add(candle(json, row, times));
            }
            if (json.nextToken() != null) {
                throw new MarketFileException(name + " line " + json.currentLocation().getLineNr()
                        + ": more after the array of candles");
            }
        } catch (JsonProcessingException e) {
            throw new MarketFileException(name + " line " + e.getLocation().getLineNr() + ": not valid JSON: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (times.kind() == null) {
            throw new MarketFileException(name + ": an empty array, no candles");
        }
        return series.finish("freqtrade candles as JSON, timestamps in " + times.kind().description(), symbol);
    }

    private static Candle candle(JsonParser json, RowRef row, TimestampReader times) throws IOException {
        double[] values = new double[FIELDS.length];
        Instant start = null;
        for (int i = 0; i < FIELDS.length; i++) {
            JsonToken token = json.nextToken();
            if (token == JsonToken.END_ARRAY) {
                throw row.problem("expected 6 values (timestamp, open, high, low, close, volume), got " + i);
            }
            if (i == 0 && token == JsonToken.VALUE_NUMBER_INT) {
                start = times.read(row, FIELDS[0], json.getLongValue());
            } else if (i == 0) {
                start = times.read(row, FIELDS[0], json.getText());
            } else if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                values[i] = json.getDoubleValue();
            } else {
                throw row.field(FIELDS[i], "expected a number, got '" + json.getText() + "'");
            }
        }
        if (json.nextToken() != JsonToken.END_ARRAY) {
            throw row.problem("expected 6 values (timestamp, open, high, low, close, volume), got more");
        }
        return Candle.checked(row, start, values[1], values[2], values[3], values[4], values[5]);
    }
}
