package org.cortexj.data.idx;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files, raw or gzip-compressed, and treats every byte as untrusted.
 *
 * <p>The IDX layout is a 4-byte magic number (two zero bytes, a type code, the rank), then one
 * big-endian int32 per dimension, then the elements big-endian in row-major order. Gzip is
 * detected by its magic bytes {@code 0x1f 0x8b}, never by the file name.
 *
 * <p>Before any data buffer is allocated, the reader checks the magic number, the type code, the
 * rank (1 to {@link IdxHeader#MAX_RANK}), each dimension and the total data size against
 * {@link #maxDataBytes()}. A raw file must be exactly as long as its header requires. Gzip data is
 * read into a buffer that grows with the bytes actually decompressed, so a small file whose
 * header claims a large size fails as truncated without a large allocation. Trailing bytes after
 * the data are rejected in both cases. Failures throw {@link IdxFormatException}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class IdxReader {
    /** Default limit on the data section, 1 GiB: MNIST training images take 47,040,000 bytes. */
    public static final long DEFAULT_MAX_DATA_BYTES = 1L << 30;

    /** Largest limit allowed, because the data is kept in one Java byte array. */
    public static final long MAX_DATA_BYTES_LIMIT = Integer.MAX_VALUE - 8;

    private static final int GZIP_MAGIC_FIRST = 0x1f;
    private static final int GZIP_MAGIC_SECOND = 0x8b;
    private static final int READ_BUFFER_BYTES = 1 << 16;

    private final long maxDataBytes;

    /** Creates a reader with the limit {@link #DEFAULT_MAX_DATA_BYTES}. */
    public IdxReader() {
        this(DEFAULT_MAX_DATA_BYTES);
    }

    /**
     * Creates a reader that rejects files whose data section is larger than the limit.
     *
     * @param maxDataBytes limit in bytes, in [1, {@link #MAX_DATA_BYTES_LIMIT}]
     */
    public IdxReader(long maxDataBytes) {
        if (maxDataBytes < 1 || maxDataBytes > MAX_DATA_BYTES_LIMIT) {
            throw new IllegalArgumentException(String.format(
                    "IdxReader: maxDataBytes must be in [1, %d], got %d", MAX_DATA_BYTES_LIMIT, maxDataBytes));
        }
        this.maxDataBytes = maxDataBytes;
    }

    /** Limit on the size of the data section, in bytes. */
    public long maxDataBytes() {
        return maxDataBytes;
    }

    /** Reads a raw or gzip IDX file of any type and rank. */
    public IdxFile read(Path file) throws IOException {
        return readFile(file, null, 0);
    }

    /**
     * Reads a raw or gzip IDX file and requires the given type and rank. A mismatch fails right
     * after the magic number, with a message such as
     * {@code train-images-idx3-ubyte: magic number 0x00000801 (unsigned byte, 1 dimension),
     * expected 0x00000803 (unsigned byte, 3 dimensions)}.
     */
    public IdxFile read(Path file, IdxType expectedType, int expectedRank) throws IOException {
        requireExpectation(expectedType, expectedRank);
        return readFile(file, expectedType, expectedRank);
    }

    /**
     * Reads IDX data, raw or gzip, from a stream of unknown length until its end. The caller
     * closes the stream.
     *
     * @param source name used in error messages, such as the file name
     */
    public IdxFile read(String source, InputStream in) throws IOException {
        return readStream(source, in, null, 0);
    }

    /** Reads IDX data from a stream like {@link #read(String, InputStream)} and requires a type and rank. */
    public IdxFile read(String source, InputStream in, IdxType expectedType, int expectedRank)
            throws IOException {
        requireExpectation(expectedType, expectedRank);
        return readStream(source, in, expectedType, expectedRank);
    }

    private IdxFile readFile(Path file, IdxType expectedType, int expectedRank) throws IOException {
        String source = file.toString();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), READ_BUFFER_BYTES)) {
            if (startsWithGzipMagic(in)) {
                return readGzip(source, in, expectedType, expectedRank);
            }
            long fileLength = Files.size(file);
            IdxHeader header = IdxHeaderParser.parse(source, in, expectedType, expectedRank, maxDataBytes);
            byte[] data = IdxDataReader.readWithKnownLength(source, in, header, fileLength);
            return new IdxFile(source, header, data);
        }
    }

    private IdxFile readStream(String source, InputStream in, IdxType expectedType, int expectedRank)
            throws IOException {
        InputStream buffered = new BufferedInputStream(in, READ_BUFFER_BYTES);
        if (startsWithGzipMagic(buffered)) {
            return readGzip(source, buffered, expectedType, expectedRank);
        }
        IdxHeader header = IdxHeaderParser.parse(source, buffered, expectedType, expectedRank, maxDataBytes);
        byte[] data = IdxDataReader.readWithUnknownLength(source, "stream", buffered, header);
        return new IdxFile(source, header, data);
    }

    private IdxFile readGzip(String source, InputStream compressed, IdxType expectedType, int expectedRank)
            throws IOException {
        try {
            InputStream in = new GZIPInputStream(compressed, READ_BUFFER_BYTES);
            IdxHeader header = IdxHeaderParser.parse(source, in, expectedType, expectedRank, maxDataBytes);
            byte[] data = IdxDataReader.readWithUnknownLength(source, "gzip data", in, header);
            return new IdxFile(source, header, data);
        } catch (ZipException | EOFException e) {
            // GZIPInputStream reports a cut-off stream as EOFException and bad deflate data as ZipException.
            throw new IdxFormatException(
                    source + ": gzip data is corrupt or truncated (" + e.getMessage() + ")", e);
        }
    }

    /** Peeks at the first two bytes without consuming them. */
    private static boolean startsWithGzipMagic(InputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == GZIP_MAGIC_FIRST && second == GZIP_MAGIC_SECOND;
    }

    private static void requireExpectation(IdxType expectedType, int expectedRank) {
        if (expectedType == null) {
            throw new IllegalArgumentException("IdxReader: expectedType must not be null");
        }
        if (expectedRank < 1 || expectedRank > IdxHeader.MAX_RANK) {
            throw new IllegalArgumentException(String.format(
                    "IdxReader: expectedRank must be in [1, %d], got %d", IdxHeader.MAX_RANK, expectedRank));
        }
    }
}
