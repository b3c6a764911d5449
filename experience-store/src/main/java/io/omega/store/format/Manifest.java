package io.omega.store.format;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The list of part files a compacted file already contains, kept in the compacted file's own metadata. Renaming
 * the compacted file into place is therefore the single step that switches a day from its parts to the merged
 * file: readers skip the parts it names, whether or not they have been deleted yet.
 */
public final class Manifest {

    public static final String MERGED_PARTS = "omega.merged_parts";

    private Manifest() {
    }

    public static Set<String> mergedParts(Map<String, String> metadata) {
        String value = metadata.get(MERGED_PARTS);
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public static Map<String, String> of(Collection<String> partNames) {
        return Map.of(MERGED_PARTS, String.join(",", new TreeSet<>(partNames)));
    }
}
