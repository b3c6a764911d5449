package io.omega.paper.market;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Real BTC/USD trades from Bitstamp, 25 Nov – 1 Dec 2013 (about 100,000), as shipped on Maven Central inside
 * {@code org.ta4j:ta4j-examples:0.18} ({@code bitstamp_trades_from_20131125_usd.csv}: unix seconds, price, amount).
 */
public final class BundledBitstampTrades {

    public static final String RESOURCE = "bitstamp_trades_from_20131125_usd.csv";

    private BundledBitstampTrades() {
    }

    /** Every trade, in time order. A malformed line stops the load with its line number. */
    public static List<Trade> load() {
        try (InputStream in = BundledBitstampTrades.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath: it comes with "
                        + "org.ta4j:ta4j-examples:0.18");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static List<Trade> parse(BufferedReader reader) throws IOException {
        List<Trade> trades = new ArrayList<>(100_000);
        String line = reader.readLine();
        if (line == null || !line.trim().equals("timestamp,price,amount")) {
            throw new IllegalArgumentException(RESOURCE + ": expected the header 'timestamp,price,amount', got '"
                    + line + "'");
        }
        int number = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            try {
                if (fields.length != 3) {
                    throw new IllegalArgumentException("expected 3 fields, got " + fields.length);
                }
                trades.add(new Trade(Instant.ofEpochSecond(Long.parseLong(fields[0].trim())),
                        Double.parseDouble(fields[1].trim()), Double.parseDouble(fields[2].trim())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(RESOURCE + " line " + number + " ('" + line + "'): "
                        + e.getMessage(), e);
            }
        }
        return trades;
    }
}
