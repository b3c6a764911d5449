package io.omega.paper.market.file;

/** A market file that cannot be replayed as it is; the message names the file and, for a bad row, its place. */
public final class MarketFileException extends IllegalArgumentException {

    public MarketFileException(String message) {
        super(message);
    }

    public MarketFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
