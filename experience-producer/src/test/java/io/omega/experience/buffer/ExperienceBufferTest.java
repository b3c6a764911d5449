package io.omega.experience.buffer;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExperienceBufferTest {

    @Test
    void returnsTheMostRecentOldestFirst() {
        ExperienceBuffer<Integer> buffer = new ExperienceBuffer<>(5);
        IntStream.range(0, 3).forEach(buffer::add);
        assertThat(buffer.recent(10)).containsExactly(0, 1, 2);
        assertThat(buffer.recent(2)).containsExactly(1, 2);
        assertThat(buffer.recent(0)).isEmpty();
    }

    @Test
    void forgetsTheOldestOnceFull() {
        ExperienceBuffer<Integer> buffer = new ExperienceBuffer<>(5);
        IntStream.range(0, 12).forEach(buffer::add);
        assertThat(buffer.recent(100)).containsExactly(7, 8, 9, 10, 11);
        assertThat(buffer.added()).isEqualTo(12);
    }

    @Test
    void refusesNegativeCounts() {
        assertThatThrownBy(() -> new ExperienceBuffer<Integer>(5).recent(-1))
                .hasMessage("n must be >= 0, got -1");
        assertThatThrownBy(() -> new ExperienceBuffer<Integer>(0)).hasMessage("buffer size must be >= 1, got 0");
    }
}
