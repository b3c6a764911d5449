package io.omega.schemas.id;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Named ids: the same for the same time and name, so that events derived again are recognised. */
class EventIdsTest {

    private static final long T = 1_704_067_260_000L;

    @Test
    void aNamedIdIsTheSameEveryTimeAndDiffersWithTimeOrName() {
        String id = EventIds.named(T, "decision|BTC-USDT-SWAP|production");

        assertThat(EventIds.named(T, "decision|BTC-USDT-SWAP|production")).isEqualTo(id);
        assertThat(EventIds.named(T + 1, "decision|BTC-USDT-SWAP|production")).isNotEqualTo(id);
        assertThat(EventIds.named(T, "decision|ETH-USDT-SWAP|production")).isNotEqualTo(id);
    }

    @Test
    void aNamedIdIsTimeOrderedAndNeverTakenForARandomOne() {
        UUID named = UUID.fromString(EventIds.named(T, "x"));
        UUID random = UUID.fromString(EventIds.next(T));

        assertThat(named.version()).isEqualTo(8);
        assertThat(random.version()).isEqualTo(7);
        assertThat(named.variant()).isEqualTo(2);
        assertThat(named.getMostSignificantBits() >>> 16).isEqualTo(T).isEqualTo(random.getMostSignificantBits() >>> 16);
    }
}
