package io.omega.store.format;

import com.github.luben.zstd.Zstd;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Page compression straight through zstd-jni and snappy-java. parquet-hadoop's own {@code CodecFactory} goes
 * through Hadoop's {@code CompressionCodec} machinery and builds a Hadoop {@code Configuration} (which drags in an
 * XML parser and half of Hadoop's dependencies) just to look a codec up; the page format is the plain zstd frame
 * and the raw snappy block either way, so files are identical for readers.
 */
public final class LocalCodecFactory implements CompressionCodecFactory {

    /** zstd's default level, as parquet-hadoop uses it. */
    private static final int ZSTD_LEVEL = 3;

    public static final LocalCodecFactory INSTANCE = new LocalCodecFactory();

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return switch (codec) {
            case UNCOMPRESSED -> new Compressor(codec) {
                @Override
                byte[] compress(byte[] input) {
                    return input;
                }
            };
            case ZSTD -> new Compressor(codec) {
                @Override
                byte[] compress(byte[] input) {
                    return Zstd.compress(input, ZSTD_LEVEL);
                }
            };
            case SNAPPY -> new Compressor(codec) {
                @Override
                byte[] compress(byte[] input) throws IOException {
                    return Snappy.compress(input);
                }
            };
            default -> throw new UnsupportedOperationException("experience files use zstd, snappy or no compression, not "
                    + codec);
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return switch (codec) {
            case UNCOMPRESSED -> new Decompressor() {
                @Override
                byte[] decompress(byte[] input, int uncompressedSize) {
                    return input;
                }
            };
            case ZSTD -> new Decompressor() {
                @Override
                byte[] decompress(byte[] input, int uncompressedSize) throws IOException {
                    byte[] out = new byte[uncompressedSize];
                    long n = Zstd.decompress(out, input);
                    if (Zstd.isError(n) || n != uncompressedSize) {
                        throw new IOException("corrupt zstd page: " + (Zstd.isError(n) ? Zstd.getErrorName(n)
                                : n + " bytes instead of " + uncompressedSize));
                    }
                    return out;
                }
            };
            case SNAPPY -> new Decompressor() {
                @Override
                byte[] decompress(byte[] input, int uncompressedSize) throws IOException {
                    byte[] out = Snappy.uncompress(input);
                    if (out.length != uncompressedSize) {
                        throw new IOException("corrupt snappy page: " + out.length + " bytes instead of " + uncompressedSize);
                    }
                    return out;
                }
            };
            default -> throw new UnsupportedOperationException("cannot read " + codec
                    + " pages: experience files use zstd, snappy or no compression");
        };
    }

    @Override
    public void release() {
        // stateless
    }

    private abstract static class Compressor implements BytesInputCompressor {
        private final CompressionCodecName codec;

        Compressor(CompressionCodecName codec) {
            this.codec = codec;
        }

        abstract byte[] compress(byte[] input) throws IOException;

        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            return BytesInput.from(compress(bytes.toByteArray()));
        }

        @Override
        public CompressionCodecName getCodecName() {
            return codec;
        }

        @Override
        public void release() {
            // stateless
        }
    }

    private abstract static class Decompressor implements BytesInputDecompressor {

        abstract byte[] decompress(byte[] input, int uncompressedSize) throws IOException;

        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            return BytesInput.from(decompress(bytes.toByteArray(), uncompressedSize));
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                throws IOException {
            byte[] in = new byte[compressedSize];
            input.duplicate().get(in);
            output.put(decompress(in, uncompressedSize));
        }

        @Override
        public void release() {
            // stateless
        }
    }
}
