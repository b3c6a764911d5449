package io.omega.paper.market.file;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The lines of a CSV file, numbered as an editor numbers them, split on commas (market files quote nothing that
 * holds a comma). Blank lines at the end are the end of the file; a blank line with data after it is an error, so
 * that no row is ever skipped without a word.
 */
final class CsvReader implements AutoCloseable {

    /** One line's fields, unquoted and trimmed, and where it is. */
    record Line(RowRef row, List<String> fields) {
    }

    private final String fileName;
    private final BufferedReader reader;
    private long number;

    CsvReader(Path file) {
        this.fileName = file.getFileName().toString();
        try {
            this.reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    String fileName() {
        return fileName;
    }

    /** The next line, or null at the end of the file. */
    Line next() {
        try {
            String text = reader.readLine();
            number++;
            if (number == 1 && text != null && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text == null) {
                return null;
            }
            if (text.isBlank()) {
                long blank = number;
                String after;
                do {
                    after = reader.readLine();
                    number++;
                } while (after != null && after.isBlank());
                if (after != null) {
                    throw RowRef.line(fileName, blank).problem("empty line before more rows (line " + number + ")");
                }
                return null;
            }
            List<String> fields = Arrays.stream(text.split(",", -1)).map(Fields::unquote).toList();
            return new Line(RowRef.line(fileName, number), fields);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileName + " at line " + number, e);
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
