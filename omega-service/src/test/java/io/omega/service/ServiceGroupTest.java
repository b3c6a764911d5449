package io.omega.service;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceGroupTest {

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final FakeService a = new FakeService("a", log);
    private final FakeService b = new FakeService("b", log);

    @Test
    void startsInOrderClosesInReverseOnceAndNothingHasEndedMeanwhile() {
        ServiceGroup group = ServiceGroup.start(List.of(a, b));
        assertThat(group.firstEnded()).isNotDone();

        group.close();
        group.close();

        assertThat(log).containsExactly("start a", "start b", "close b", "close a");
    }

    @Test
    void theFirstServiceToDieIsTheEndingWithWhatItDiedOf() {
        ServiceGroup group = ServiceGroup.start(List.of(a, b));

        b.die(new IllegalStateException("controller application omega-retrain entered ERROR"));
        a.finish();

        ServiceGroup.Ending ending = group.firstEnded().getNow(null);
        assertThat(ending.service()).isSameAs(b);
        assertThat(ending.failed()).isTrue();
        assertThat(ending.describe()).isEqualTo("b died: controller application omega-retrain entered ERROR");
    }

    @Test
    void aServiceThatFinishesIsAnEndingWithoutAFailure() {
        ServiceGroup group = ServiceGroup.start(List.of(a, b));

        a.finish();

        ServiceGroup.Ending ending = group.firstEnded().getNow(null);
        assertThat(ending.service()).isSameAs(a);
        assertThat(ending.failed()).isFalse();
        assertThat(ending.describe()).isEqualTo("a stopped");
    }

    @Test
    void aFailedStartClosesWhatStartedAndNeverStartsTheRest() {
        IllegalStateException refused = new IllegalStateException("port 9401 in use");
        a.failingOnStart(refused);

        assertThatThrownBy(() -> ServiceGroup.start(List.of(a, b))).isSameAs(refused);

        assertThat(log).containsExactly("start a", "close a");
    }

    @Test
    void healthIsUpOnlyWhenEveryServiceIsAndNamesEachOne() {
        ServiceGroup group = ServiceGroup.start(List.of(a, b));
        assertThat(group.health()).isEqualTo(new Health(true, "a: fine; b: fine"));

        b.reports(Health.down("registry unreachable"));

        assertThat(group.health()).isEqualTo(new Health(false, "a: fine; b: registry unreachable"));
        assertThat(ServiceGroup.health(List.of(b))).isEqualTo(Health.down("registry unreachable"));
    }
}
