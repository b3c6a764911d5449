package io.omega.store.format;

import io.omega.store.ExperienceKind;
import io.omega.store.ExperienceRow;
import org.apache.avro.generic.GenericData;
import org.apache.parquet.ParquetReadOptions;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parquet through parquet-avro, on local files ({@link LocalOutputFile}/{@link LocalInputFile}) with a
 * {@link PlainParquetConfiguration}, so no Hadoop file system or Hadoop configuration is ever instantiated.
 */
public final class ParquetFormat implements ExperienceFileFormat {

    public static final String EXTENSION = "parquet";
    /** For reading, the codec does not matter: each column chunk names its own. */
    static final ParquetFormat READER = new ParquetFormat(CompressionCodecName.ZSTD);

    private static final ParquetReadOptions FOOTER_ONLY = ParquetReadOptions.builder(new PlainParquetConfiguration())
            .withCodecFactory(LocalCodecFactory.INSTANCE).build();

    private final CompressionCodecName compression;

    public ParquetFormat(CompressionCodecName compression) {
        this.compression = compression;
    }

    public CompressionCodecName compression() {
        return compression;
    }

    @Override
    public String extension() {
        return EXTENSION;
    }

    @Override
    public <R extends ExperienceRow> void write(ExperienceKind<R> kind, List<R> rows, Path file,
                                                Map<String, String> metadata) throws IOException {
        RowCodec<R> codec = kind.codec();
        try (ParquetWriter<R> writer = new FlatWriterBuilder<>(new LocalOutputFile(file),
                FlatRecordWriteSupport.forRows(codec.schema(), codec::value)).withSettingsOf(this, metadata).build()) {
            for (R row : rows) {
                writer.write(row);
            }
        }
    }

    /**
     * A writer of this format's settings that takes Avro records, through the experience files' own write support
     * (byte for byte what parquet-avro writes). Files are written from rows ({@link #write}); this form is what the
     * write-support test and benchmark compare with parquet-avro's writer record for record.
     */
    public ParquetWriter<GenericRecord> openWriter(ExperienceKind<?> kind, Path file, Map<String, String> metadata)
            throws IOException {
        return new FlatWriterBuilder<>(new LocalOutputFile(file), FlatRecordWriteSupport.forRecords(kind.codec().schema()))
                .withSettingsOf(this, metadata)
                .build();
    }

    /** The same file written by parquet-avro's own write support: the reference the benchmark and tests use. */
    public ParquetWriter<GenericRecord> openAvroWriter(ExperienceKind<?> kind, Path file, Map<String, String> metadata)
            throws IOException {
        return AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration())
                .withSchema(kind.codec().schema())
                .withDataModel(GenericData.get())
                .withCompressionCodec(compression)
                .withCodecFactory(LocalCodecFactory.INSTANCE)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withExtraMetaData(metadata)
                .build();
    }

    @Override
    public <R extends ExperienceRow> FileContent<R> read(ExperienceKind<R> kind, Path file) throws IOException {
        List<R> rows = new ArrayList<>();
        LocalInputFile input = new LocalInputFile(file);
        Map<String, String> metadata;
        try (ParquetFileReader footer = ParquetFileReader.open(input, FOOTER_ONLY)) {
            metadata = Map.copyOf(footer.getFileMetaData().getKeyValueMetaData());
        }
        RowReadSupport<R> support = new RowReadSupport<>(kind);
        try (ParquetReader<R> reader = new ParquetReader.Builder<R>(input, new PlainParquetConfiguration()) {
            @Override
            protected ReadSupport<R> getReadSupport() {
                return support;
            }
        }.withCodecFactory(LocalCodecFactory.INSTANCE).build()) {
            R row;
            while ((row = reader.read()) != null) {
                rows.add(row);
            }
        }
        return new FileContent<>(rows, metadata);
    }

    @Override
    public Map<String, String> metadata(Path file) throws IOException {
        try (ParquetFileReader footer = ParquetFileReader.open(new LocalInputFile(file), FOOTER_ONLY)) {
            return Map.copyOf(footer.getFileMetaData().getKeyValueMetaData());
        }
    }

    private static final class FlatWriterBuilder<T> extends ParquetWriter.Builder<T, FlatWriterBuilder<T>> {
        private final FlatRecordWriteSupport<T> support;

        FlatWriterBuilder(LocalOutputFile file, FlatRecordWriteSupport<T> support) {
            super(file);
            this.support = support;
        }

        /** This format's settings: local files only, its compression, overwrite (files are published by rename). */
        FlatWriterBuilder<T> withSettingsOf(ParquetFormat format, Map<String, String> metadata) {
            return withConf(new PlainParquetConfiguration())
                    .withCompressionCodec(format.compression)
                    .withCodecFactory(LocalCodecFactory.INSTANCE)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .withExtraMetaData(metadata);
        }

        @Override
        protected FlatWriterBuilder<T> self() {
            return this;
        }

        @Override
        protected WriteSupport<T> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            return support;
        }

        @Override
        protected WriteSupport<T> getWriteSupport(ParquetConfiguration conf) {
            return support;
        }
    }
}
