package io.omega.learning.dataset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The train/validation/test split, chronological with a purge. Cut times are chosen on the windows' end
 * times across all symbols so that about {@code 1 - validation - test} of the windows fall before the validation
 * cut; one cut time for all symbols, so no part ever trains on a moment that another symbol's test window covers.
 * A window whose label time reaches the next part's start is dropped: with rows one step apart this leaves a gap
 * of more than {@code prediction_horizon} steps between the last training window and the first validation window.
 */
public final class ChronologicalSplitter {

    public DatasetSplit trainTestSplit(WindowedDataset dataset) {
        DatasetSpec spec = dataset.spec();
        List<Sample> samples = dataset.samples(); // ordered by end time
        int n = samples.size();
        int trainEnd = (int) Math.floor(n * (1 - spec.validationFraction() - spec.testFraction()));
        int validationEnd = (int) Math.floor(n * (1 - spec.testFraction()));
        if (trainEnd <= 0 || validationEnd <= trainEnd || validationEnd >= n) {
            throw tooLittle(dataset, 0, 0, 0, 0);
        }
        Instant validationStart = samples.get(trainEnd).endTime();
        Instant testStart = samples.get(validationEnd).endTime();
        List<Sample> train = new ArrayList<>();
        List<Sample> validation = new ArrayList<>();
        List<Sample> test = new ArrayList<>();
        int purged = 0;
        for (Sample s : samples) {
            if (s.endTime().isBefore(validationStart)) {
                if (s.labelTime().isBefore(validationStart)) {
                    train.add(s);
                } else {
                    purged++;
                }
            } else if (s.endTime().isBefore(testStart)) {
                if (s.labelTime().isBefore(testStart)) {
                    validation.add(s);
                } else {
                    purged++;
                }
            } else {
                test.add(s);
            }
        }
        int min = spec.minSamplesPerSplit();
        if (train.size() < min || validation.size() < min || test.size() < min) {
            throw tooLittle(dataset, train.size(), validation.size(), test.size(), purged);
        }
        return new DatasetSplit(dataset, train, validation, test, validationStart, testStart, purged);
    }

    private static InsufficientDataException tooLittle(WindowedDataset dataset, int train, int validation, int test,
                                                       int purged) {
        DatasetSpec spec = dataset.spec();
        int min = spec.minSamplesPerSplit();
        double smallest = Math.min(1 - spec.validationFraction() - spec.testFraction(),
                Math.min(spec.validationFraction(), spec.testFraction()));
        // Each purge removes about one horizon of windows per symbol at each of the two cuts.
        long symbols = dataset.segments().stream().map(Segment::symbol).distinct().count();
        long needed = (long) Math.ceil(min / smallest) + 2L * spec.predictionHorizon() * symbols;
        return new InsufficientDataException(String.format(
                "too little data for a chronological split: %d windows found (train %d, validation %d, test %d, "
                        + "%d purged at the cuts); each part needs at least %d, so about %d windows are needed "
                        + "at fractions %.2f/%.2f/%.2f with horizon %d",
                dataset.samples().size(), train, validation, test, purged, min, needed,
                1 - spec.validationFraction() - spec.testFraction(), spec.validationFraction(), spec.testFraction(),
                spec.predictionHorizon()));
    }
}
