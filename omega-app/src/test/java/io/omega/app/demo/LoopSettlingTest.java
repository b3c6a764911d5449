package io.omega.app.demo;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LoopSettlingTest {

    private static LoopSettling.Counts counts(long triggered, long trained, long evaluated, long judged) {
        return new LoopSettling.Counts(triggered, trained, trained, evaluated, evaluated, judged);
    }

    @Test
    void settledOnlyWhenEveryRequestIsAnsweredAndTwoLooksAgree() throws Exception {
        Deque<LoopSettling.Counts> looks = new ArrayDeque<>(List.of(
                counts(2, 1, 1, 1),   // a training still running
                counts(2, 2, 1, 1),   // its candidate not yet evaluated
                counts(2, 2, 2, 2),   // all answered...
                counts(3, 2, 2, 2),   // ...but a retraining was triggered meanwhile
                counts(3, 3, 3, 3),
                counts(3, 3, 3, 3),   // two looks agree: settled
                counts(9, 9, 9, 9)));
        int[] taken = {0};
        LoopSettling.Counts result = new LoopSettling(() -> {
            taken[0]++;
            return looks.size() > 1 ? looks.poll() : looks.peek();
        }, Duration.ofMillis(1)).await(Duration.ofSeconds(10));
        assertThat(result).isEqualTo(counts(3, 3, 3, 3));
        assertThat(result.settled()).isTrue();
        assertThat(taken[0]).isEqualTo(6);
    }

    @Test
    void givesUpAfterTheLimitWithTheLastCounts() throws Exception {
        LoopSettling.Counts stuck = counts(1, 0, 0, 0);
        LoopSettling.Counts result = new LoopSettling(() -> stuck, Duration.ofMillis(5)).await(Duration.ofMillis(50));
        assertThat(result).isEqualTo(stuck);
        assertThat(result.settled()).isFalse();
    }
}
