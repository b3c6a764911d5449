package io.omega.schemas.id;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

    /**
     * The same id for the same {@code epochMillis} and {@code name}, every time: for events derived again from the
     * same data (a backfill run twice), which must not land twice. Time-ordered like {@link #next(long)}, the rest
     * from a SHA-256 of time and name; version 8 (custom), so it is never taken for a random id.
     */
    public static String named(long epochMillis, String name) {
        byte[] digest = sha256(epochMillis + "|" + name);
        ByteBuffer bits = ByteBuffer.wrap(digest);
        long msb = (epochMillis << 16) | 0x8000L | (bits.getShort() & 0x0FFFL);
        long lsb = (bits.getLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
