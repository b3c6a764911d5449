package io.omega.learning.model;

import io.omega.config.TrainingConfig.TargetType;
import io.omega.learning.dataset.ChronologicalSplitter;
import io.omega.learning.dataset.DatasetBuilder;
import io.omega.learning.dataset.DatasetSpec;
import io.omega.learning.dataset.DatasetSplit;
import io.omega.learning.dataset.MarketRow;
import io.omega.learning.dataset.SyntheticRows;
import java.util.ArrayList;
import java.util.List;

final class TrainingFixtures {

    static final int WINDOW = 16;
    static final int HORIZON = 4;

    private TrainingFixtures() {
    }

    static DatasetSpec spec() {
        return new DatasetSpec(List.of("signal", "noise", "level"), WINDOW, HORIZON, TargetType.DIRECTION, null, 3.0,
                2, 0.2, 0.2, 20);
    }

    static DatasetSplit predictableSplit(int rowsPerSymbol) {
        List<MarketRow> rows = new ArrayList<>(SyntheticRows.predictable("BTC", rowsPerSymbol, HORIZON, 11));
        rows.addAll(SyntheticRows.predictable("ETH", rowsPerSymbol, HORIZON, 12));
        return new ChronologicalSplitter().trainTestSplit(new DatasetBuilder().buildFromLogs(rows, spec()));
    }
}
