package io.omega.schemas.id;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Unique ids for records: time-ordered UUIDs (version 7, RFC 9562) from the wall clock and a thread-local
 * random source. {@link UUID#randomUUID()} would serialise every caller on one SecureRandom, which the
 * trading engine's decision thread cannot afford; 74 random bits per millisecond make a collision
 * practically impossible, and the time prefix keeps ids roughly sortable.
 */
public final class EventIds {

    private EventIds() {
    }

    public static String next() {
        return next(System.currentTimeMillis());
    }

    public static String next(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (epochMillis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }
}
