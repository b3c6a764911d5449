package io.omega.registry;

import io.omega.registry.model.ModelStatus;
import io.omega.registry.model.ModelTypeState;
import io.omega.registry.model.ModelVersion;
import io.omega.registry.model.ProductionTenure;
import io.omega.registry.model.RegistryState;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry's invariants, checked on any state. */
public final class RegistryInvariants {

    private RegistryInvariants() {
    }

    public static void check(RegistryState state) {
        state.snapshot().values().forEach(RegistryInvariants::check);
    }

    public static void check(ModelTypeState type) {
        List<ModelVersion> production = type.versions().values().stream()
                .filter(v -> v.status() == ModelStatus.PRODUCTION).toList();
        assertThat(production).as("production versions of %s", type.modelType()).hasSizeLessThanOrEqualTo(1);
        assertThat(production.isEmpty() ? null : production.get(0).version())
                .as("production version of %s", type.modelType()).isEqualTo(type.productionVersion());

        // The rollback chain ends, and runs through registered versions only.
        Set<String> seen = new HashSet<>();
        String link = type.productionVersion();
        while (link != null) {
            assertThat(seen.add(link)).as("rollback chain of %s loops at %s", type.modelType(), link).isTrue();
            ModelVersion v = type.versions().get(link);
            assertThat(v).as("chain link %s registered", link).isNotNull();
            link = v.previousVersion();
        }

        List<ProductionTenure> history = type.history();
        // Production never goes away once set: nothing removes it without putting another in.
        assertThat(history.isEmpty()).as("history of %s empty iff no production", type.modelType())
                .isEqualTo(type.productionVersion() == null);
        for (int i = 0; i < history.size(); i++) {
            ProductionTenure t = history.get(i);
            if (i == history.size() - 1) {
                assertThat(t.current()).as("last tenure of %s open", type.modelType()).isTrue();
                assertThat(t.version()).isEqualTo(type.productionVersion());
            } else {
                ProductionTenure next = history.get(i + 1);
                assertThat(t.current()).as("tenure %d of %s closed", i, type.modelType()).isFalse();
                assertThat(t.succeededBy()).isEqualTo(next.version());
                assertThat(t.leftAt()).isEqualTo(next.enteredAt());
                assertThat(t.leftHow()).isEqualTo(next.enteredBy());
                assertThat(next.replacedVersion()).isEqualTo(t.version());
            }
        }
    }

    public static List<String> productionChain(ModelTypeState type) {
        List<String> chain = new ArrayList<>();
        String link = type.productionVersion();
        while (link != null) {
            chain.add(link);
            link = type.versions().get(link).previousVersion();
        }
        return chain;
    }
}
