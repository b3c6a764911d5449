package io.omega.learning.dataset;

import java.time.Instant;
import java.util.List;

/**
 * A chronological split. Every training window ends, label included, before {@code validationStart}; every
 * validation window ends, label included, before {@code testStart}. {@code purged} counts the windows dropped
 * because their label reached into the next part.
 */
public record DatasetSplit(WindowedDataset dataset, List<Sample> train, List<Sample> validation, List<Sample> test,
                           Instant validationStart, Instant testStart, int purged) {

    public DatasetSplit {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
    }
}
