package io.omega.store.format;

import io.omega.store.ExperienceKind;
import io.omega.store.ExperienceRow;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CSV with a header line of the same column names as Parquet. Times are ISO-8601 UTC; map columns are
 * {@code name=value;name=value}. Metadata goes into '#' comment lines before the header ({@code # key: value}).
 */
public final class CsvFormat implements ExperienceFileFormat {

    public static final String EXTENSION = "csv";
    public static final CsvFormat INSTANCE = new CsvFormat();

    private static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setCommentMarker('#')
            .setRecordSeparator('\n').get();
    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setCommentMarker('#').setHeader()
            .setSkipHeaderRecord(true).get();

    @Override
    public String extension() {
        return EXTENSION;
    }

    @Override
    public <R extends ExperienceRow> void write(ExperienceKind<R> kind, List<R> rows, Path file,
                                                Map<String, String> metadata) throws IOException {
        RowCodec<R> codec = kind.codec();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(out, WRITE)) {
            for (var entry : new TreeMap<>(metadata).entrySet()) {
                printer.printComment(entry.getKey() + ": " + entry.getValue());
            }
            printer.printRecord(codec.csvHeader());
            for (R row : rows) {
                printer.printRecord(codec.toCsv(row));
            }
        }
    }

    @Override
    public <R extends ExperienceRow> FileContent<R> read(ExperienceKind<R> kind, Path file) throws IOException {
        RowCodec<R> codec = kind.codec();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(in).setFormat(READ).get()) {
            List<String> header = parser.getHeaderNames();
            if (!codec.readsCsvHeader(header)) {
                throw new IOException("unexpected CSV header " + header + ", expected " + codec.csvHeader());
            }
            List<R> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (record.size() != header.size()) {
                    throw new IOException("line " + parser.getCurrentLineNumber() + " has " + record.size()
                            + " values, expected " + header.size());
                }
                try {
                    rows.add(codec.fromCsv(header, record.toList()));
                } catch (RuntimeException e) {
                    throw new IOException("line " + parser.getCurrentLineNumber() + ": " + e.getMessage(), e);
                }
            }
            return new FileContent<>(rows, parseMetadata(parser.getHeaderComment()));
        }
    }

    @Override
    public Map<String, String> metadata(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(in).setFormat(READ).get()) {
            return parseMetadata(parser.getHeaderComment());
        }
    }

    private static Map<String, String> parseMetadata(String comment) {
        Map<String, String> metadata = new HashMap<>();
        if (comment == null) {
            return metadata;
        }
        for (String line : comment.split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                metadata.put(line.substring(0, colon).trim(), line.substring(colon + 2).trim());
            }
        }
        return metadata;
    }
}
