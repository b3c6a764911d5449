package io.omega.experience.buffer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The most recent experiences, for readers inside the engine's process (an in-memory ring buffer).
 * Writers never wait: each add overwrites the oldest entry once the buffer is full.
 */
public final class ExperienceBuffer<E> {

    private record Entry<E>(long sequence, E value) {
    }

    private final int size;
    private final AtomicReferenceArray<Entry<E>> entries;
    private final AtomicLong added = new AtomicLong();

    public ExperienceBuffer(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("buffer size must be >= 1, got " + size);
        }
        this.size = size;
        this.entries = new AtomicReferenceArray<>(size);
    }

    public void add(E value) {
        long sequence = added.getAndIncrement();
        entries.setRelease((int) (sequence % size), new Entry<>(sequence, value));
    }

    /** Up to {@code n} most recent experiences, oldest first. */
    public List<E> recent(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        long last = added.get() - 1;
        long first = Math.max(0, last - Math.min(n, size) + 1);
        List<E> out = new ArrayList<>((int) Math.max(0, last - first + 1));
        for (long sequence = last; sequence >= first; sequence--) {
            Entry<E> entry = entries.getAcquire((int) (sequence % size));
            if (entry == null || entry.sequence() < sequence) {
                continue; // claimed by a writer that has not stored it yet
            }
            if (entry.sequence() > sequence) {
                break; // reused by a newer add: everything older is gone too
            }
            out.add(entry.value());
        }
        Collections.reverse(out);
        return out;
    }

    public int size() {
        return size;
    }

    /** Experiences added since start. */
    public long added() {
        return added.get();
    }
}
