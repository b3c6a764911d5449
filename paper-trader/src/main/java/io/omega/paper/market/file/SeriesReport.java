package io.omega.paper.market.file;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What loading a file found besides its bars, for the one line printed at load: the gaps (a step between bars
 * larger than the bar length; their count, how many bars are missing, the first few) and the identical duplicate
 * rows dropped (their count and the first few).
 */
public record SeriesReport(int gaps, long missingBars, List<String> gapExamples, int duplicates, List<String> duplicateExamples) {

    static final int EXAMPLES = 3;

    public SeriesReport {
        gapExamples = List.copyOf(gapExamples);
        duplicateExamples = List.copyOf(duplicateExamples);
    }

    /** Gaps between consecutive bar starts, none of them closer than {@code barLength}. */
    static SeriesReport of(List<Instant> starts, Duration barLength, int duplicates, List<String> duplicateExamples) {
        int gaps = 0;
        long missing = 0;
        List<String> examples = new java.util.ArrayList<>();
        for (int i = 1; i < starts.size(); i++) {
            Duration step = Duration.between(starts.get(i - 1), starts.get(i));
            if (step.compareTo(barLength) > 0) {
                gaps++;
                long absent = (step.toMillis() - 1) / barLength.toMillis();
                missing += absent;
                if (examples.size() < EXAMPLES) {
                    examples.add(starts.get(i - 1) + " -> " + starts.get(i) + " (" + absent + " missing)");
                }
            }
        }
        return new SeriesReport(gaps, missing, examples, duplicates, duplicateExamples);
    }

    public String line() {
        String gapText = gaps == 0 ? "no gaps" : gaps + (gaps == 1 ? " gap, " : " gaps, ") + missingBars
                + (missingBars == 1 ? " bar" : " bars") + " missing: " + examples(gapExamples, gaps);
        String duplicateText = duplicates == 0 ? "no duplicates" : duplicates
                + (duplicates == 1 ? " identical duplicate row dropped: " : " identical duplicate rows dropped: ")
                + examples(duplicateExamples, duplicates);
        return gapText + "; " + duplicateText;
    }

    private static String examples(List<String> examples, int count) {
        return examples.stream().collect(Collectors.joining(", ")) + (count > examples.size() ? ", ..." : "");
    }
}
