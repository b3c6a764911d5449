package io.omega.paper.market.file;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A CSV header: its column names, matched case-insensitively, and where each column the load needs is. */
record CsvHeader(RowRef row, List<String> names) {

    /** The names a time column goes by, in the files people have (Binance calls it open_time). */
    static final Set<String> TIME_NAMES = Set.of("timestamp", "time", "date", "open_time");

    static CsvHeader of(CsvReader.Line line) {
        return new CsvHeader(line.row(), line.fields().stream().map(n -> n.toLowerCase(Locale.ROOT)).toList());
    }

    boolean has(String name) {
        return names.contains(name);
    }

    /** The position of the time column: exactly one of {@link #TIME_NAMES}. */
    int timeColumn() {
        List<String> found = new ArrayList<>();
        int at = -1;
        for (int i = 0; i < names.size(); i++) {
            if (TIME_NAMES.contains(names.get(i))) {
                found.add(names.get(i));
                at = i;
            }
        }
        if (found.size() > 1) {
            throw row.problem("more than one time column: " + found + "; keep one");
        }
        if (at < 0) {
            throw row.problem("no time column (one of timestamp, time, date, open_time) in the header " + names);
        }
        return at;
    }

    int column(String name) {
        int at = names.indexOf(name);
        if (at < 0) {
            throw row.problem("no column '" + name + "' in the header " + names);
        }
        if (names.lastIndexOf(name) != at) {
            throw row.problem("column '" + name + "' appears twice in the header " + names);
        }
        return at;
    }

    /** The position of an optional column, or -1. */
    int optional(String name) {
        return names.contains(name) ? column(name) : -1;
    }
}
