package io.omega.paper.market.file;

/**
 * Where a row sits in a market file, as errors and reports name it: {@code prices.csv line 17},
 * {@code candles.json line 1 (candle 17)} or {@code prices.parquet row 17}.
 */
record RowRef(String file, String place) {

    static RowRef line(String file, long line) {
        return new RowRef(file, "line " + line);
    }

    MarketFileException field(String field, String problem) {
        return new MarketFileException(this + ", field '" + field + "': " + problem);
    }

    MarketFileException problem(String problem) {
        return new MarketFileException(this + ": " + problem);
    }

    @Override
    public String toString() {
        return file + " " + place;
    }
}
