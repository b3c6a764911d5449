package io.omega.config;

import java.util.Locale;

/** Kafka producer compression. */
public enum CompressionType {
    NONE, GZIP, SNAPPY, LZ4, ZSTD;

    /** The name Kafka's {@code compression.type} takes. */
    public String kafkaName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
