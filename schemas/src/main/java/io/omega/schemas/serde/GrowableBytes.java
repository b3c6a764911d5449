package io.omega.schemas.serde;

import java.io.OutputStream;
import java.util.Arrays;

/** A reusable, unsynchronised byte sink for one thread's encoder; {@link #toByteArray()} copies what was written. */
final class GrowableBytes extends OutputStream {

    private byte[] buf;
    private int count;

    GrowableBytes(int initialCapacity) {
        this.buf = new byte[initialCapacity];
    }

    void reset() {
        count = 0;
    }

    @Override
    public void write(int b) {
        ensure(1);
        buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buf, count, length);
        count += length;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, count);
    }

    private void ensure(int more) {
        if (count + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(count + more, buf.length * 2));
        }
    }
}
