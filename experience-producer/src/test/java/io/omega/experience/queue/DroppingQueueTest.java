package io.omega.experience.queue;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DroppingQueueTest {

    @Test
    void keepsTheNewestWhenOverfullAndCountsTheRestExactly() {
        DroppingQueue<Integer> queue = new DroppingQueue<>(100);
        for (int i = 0; i < 1000; i++) {
            queue.offer(i);
        }
        List<Integer> out = new ArrayList<>();
        int handed = queue.drain(100, Integer.MAX_VALUE, out::add);

        assertThat(handed).isEqualTo(100);
        assertThat(out.get(0)).isEqualTo(900);
        assertThat(out.get(99)).isEqualTo(999);
        assertThat(queue.dropped()).isEqualTo(900);
        assertThat(queue.waiting()).isZero();
    }

    @Test
    void roomLeftForWaitingShrinksWithWhatTheConsumerHoldsInFlight() {
        DroppingQueue<Integer> queue = new DroppingQueue<>(10);
        for (int i = 0; i < 10; i++) {
            queue.offer(i);
        }
        List<Integer> out = new ArrayList<>();
        // The consumer still holds 7 in flight: only 3 may wait, the 7 oldest go.
        queue.drain(3, 0, out::add);

        assertThat(out).isEmpty();
        assertThat(queue.dropped()).isEqualTo(7);
        assertThat(queue.waiting()).isEqualTo(3);
        queue.drain(10, 10, out::add);
        assertThat(out).containsExactly(7, 8, 9);
    }

    @Test
    void handsOutAtMostMaxInOrder() {
        DroppingQueue<Integer> queue = new DroppingQueue<>(8);
        for (int i = 0; i < 5; i++) {
            queue.offer(i);
        }
        List<Integer> out = new ArrayList<>();
        assertThat(queue.drain(8, 2, out::add)).isEqualTo(2);
        assertThat(queue.drain(8, 10, out::add)).isEqualTo(3);
        assertThat(out).containsExactly(0, 1, 2, 3, 4);
        assertThat(queue.dropped()).isZero();
    }

    @Test
    void everyOfferIsEitherHandedOutOrDroppedExactlyOnceUnderContention() throws Exception {
        int producers = 4;
        int perProducer = 250_000;
        DroppingQueue<long[]> queue = new DroppingQueue<>(1000);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perProducer; i++) {
                    queue.offer(new long[]{producer, i});
                }
            });
            t.start();
            threads.add(t);
        }
        long[] lastSeen = {-1, -1, -1, -1};
        boolean[] ordered = {true};
        long[] handed = {0};
        AtomicBoolean producing = new AtomicBoolean(true);
        start.countDown();
        Thread watcher = new Thread(() -> {
            threads.forEach(t -> {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            producing.set(false);
        });
        watcher.start();
        while (producing.get() || queue.waiting() > 0) {
            // A consumer that sometimes lags and sometimes holds part of its room in flight.
            long room = ThreadLocalRandom.current().nextInt(1, 1001);
            handed[0] += queue.drain(room, ThreadLocalRandom.current().nextInt(0, 300), e -> {
                int producer = (int) e[0];
                if (e[1] <= lastSeen[producer]) {
                    ordered[0] = false;
                }
                lastSeen[producer] = e[1];
            });
            if (ThreadLocalRandom.current().nextInt(100) == 0) {
                Thread.sleep(1);
            }
        }
        watcher.join();

        assertThat(queue.offered()).isEqualTo((long) producers * perProducer);
        assertThat(handed[0] + queue.dropped()).isEqualTo((long) producers * perProducer);
        assertThat(queue.dropped()).isPositive();
        assertThat(ordered[0]).as("each producer's elements come out in the order it offered them").isTrue();
    }

    @Test
    void refusesANonsenseCapacity() {
        assertThatThrownBy(() -> new DroppingQueue<>(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("capacity must be between 1 and 2^30, got 0");
    }
}
