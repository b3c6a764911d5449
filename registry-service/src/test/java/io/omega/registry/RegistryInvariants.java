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
        // Production goes away only when the first production version of a chain is rolled back: then the last
        // tenure is closed, by a rollback, with no successor.
        boolean open = !history.isEmpty() && history.get(history.size() - 1).current();
        assertThat(open).as("%s has an open tenure iff it has production", type.modelType())
                .isEqualTo(type.productionVersion() != null);
        for (int i = 0; i < history.size(); i++) {
            ProductionTenure t = history.get(i);
            if (t.current()) {
                assertThat(i).as("only the last tenure of %s is open", type.modelType()).isEqualTo(history.size() - 1);
                assertThat(t.version()).isEqualTo(type.productionVersion());
            } else if (t.succeededBy() == null) {
                assertThat(t.leftHow()).as("tenure %d of %s ended with no successor", i, type.modelType())
                        .isEqualTo("ROLLED_BACK");
                if (i + 1 < history.size()) {
                    assertThat(history.get(i + 1).enteredBy()).isEqualTo("PROMOTED");
                    assertThat(history.get(i + 1).replacedVersion()).isNull();
                }
            } else {
                ProductionTenure next = history.get(i + 1);
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
