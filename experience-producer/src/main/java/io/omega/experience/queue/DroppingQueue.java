package io.omega.experience.queue;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * A bounded multi-producer, single-consumer queue whose producers never wait: when it is full, the oldest
 * waiting elements are dropped and counted exactly.
 *
 * <p>Producers claim a sequence number and write their element into a ring slot; they never look at the
 * consumer. The consumer alone decides what is dropped, when it drains: everything beyond the room it is
 * given (capacity minus what it still holds in flight) is dropped from the oldest end. Each sequence
 * number is therefore either handed to the consumer or counted as dropped, exactly once, and an offer costs
 * one atomic increment and one ordered store. LMAX's Disruptor was the other candidate, but its producers
 * wait (or fail) on a full ring instead of discarding the oldest entries, which is the policy wanted here.
 *
 * <p>Between two drains producers may run ahead by up to the physical ring size (capacity rounded up to a
 * power of two); a slot overwritten before the consumer reached it is counted as dropped like any other.
 */
public final class DroppingQueue<E> {

    private record Slot<E>(long sequence, E element) {
    }

    private final int capacity;
    private final int mask;
    private final AtomicReferenceArray<Slot<E>> ring;
    private final AtomicLong claimed = new AtomicLong();

    // Consumer-owned; published through volatile fields for stats readers on other threads.
    private volatile long next;
    private volatile long dropped;

    public DroppingQueue(int capacity) {
        if (capacity < 1 || capacity > (1 << 30)) {
            throw new IllegalArgumentException("capacity must be between 1 and 2^30, got " + capacity);
        }
        this.capacity = capacity;
        int size = Integer.highestOneBit(capacity) == capacity ? capacity : Integer.highestOneBit(capacity) << 1;
        this.mask = size - 1;
        this.ring = new AtomicReferenceArray<>(size);
    }

    /** Adds an element; never blocks, never fails. */
    public void offer(E element) {
        long sequence = claimed.getAndIncrement();
        int index = (int) (sequence & mask);
        Slot<E> slot = new Slot<>(sequence, element);
        // A slot only ever moves forward: a producer that stalled between claim and write while others
        // lapped the ring must not put its older element over a newer one (the consumer counts it dropped).
        Slot<E> current;
        do {
            current = ring.getAcquire(index);
            if (current != null && current.sequence() > sequence) {
                return;
            }
        } while (!ring.weakCompareAndSetRelease(index, current, slot));
    }

    /**
     * Consumer side: first drops the oldest waiting elements beyond {@code room}, then hands at most
     * {@code max} elements, oldest first, to {@code sink}.
     *
     * @param room how many elements may wait at most (capacity minus what the consumer holds in flight)
     * @return how many elements were handed to the sink
     */
    public int drain(long room, int max, Consumer<? super E> sink) {
        long head = claimed.get();
        long position = next;
        long waiting = head - position;
        long allowed = Math.max(0, Math.min(room, capacity));
        long dropNow = 0;
        if (waiting > allowed) {
            dropNow = waiting - allowed;
            position += dropNow;
        }
        int handed = 0;
        while (handed < max && position < head) {
            Slot<E> slot = ring.getAcquire((int) (position & mask));
            if (slot == null || slot.sequence() < position) {
                break; // claimed, not yet written: the producer is between its two steps
            }
            if (slot.sequence() > position) {
                dropNow++; // a producer lapped the ring over this one before we got to it
            } else {
                sink.accept(slot.element());
                handed++;
            }
            position++;
        }
        if (dropNow > 0) {
            dropped += dropNow;
        }
        next = position;
        return handed;
    }

    public int capacity() {
        return capacity;
    }

    /** Elements offered so far. */
    public long offered() {
        return claimed.get();
    }

    /** Elements dropped so far, exact once the consumer has drained past them. */
    public long dropped() {
        return dropped;
    }

    /** Elements offered but neither handed out nor dropped yet. */
    public long waiting() {
        return Math.max(0, claimed.get() - next);
    }
}
