package org.cortexj.data.idx;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads the data section that follows a validated header and rejects truncated and trailing data.
 *
 * <p>With a known file length, the sizes are compared before the buffer is allocated. A stream
 * of unknown length, such as decompressed gzip, could claim any size up to the limit in its
 * header, so its buffer grows only as bytes actually arrive.
 */
final class IdxDataReader {
    /** First buffer size for a stream of unknown length; later sizes double up to the header's size. */
    static final int INITIAL_STREAM_BUFFER_BYTES = 1 << 20;

    /** Trailing bytes counted for a message; counting stops here so a huge stream is not drained. */
    private static final int MAX_TRAILING_BYTES_COUNTED = 1 << 20;

    private IdxDataReader() {
    }

    /** Reads the data of a raw file whose total length in bytes is {@code fileLength}. */
    static byte[] readWithKnownLength(String source, InputStream in, IdxHeader header, long fileLength)
            throws IOException {
        long expectedLength = header.headerByteCount() + header.dataByteCount();
        if (fileLength < expectedLength) {
            throw new IdxFormatException(String.format(
                    "%s: file is %d bytes, but header %s needs %d + %d = %d bytes; the file is truncated",
                    source, fileLength, header, header.headerByteCount(), header.dataByteCount(),
                    expectedLength));
        }
        if (fileLength > expectedLength) {
            throw new IdxFormatException(String.format(
                    "%s: file is %d bytes, but header %s needs %d + %d = %d bytes; "
                            + "%d trailing bytes follow the data",
                    source, fileLength, header, header.headerByteCount(), header.dataByteCount(),
                    expectedLength, fileLength - expectedLength));
        }

        // The length check ran first, so this allocation matches bytes that exist on disk.
        byte[] data = new byte[(int) header.dataByteCount()];
        int read = in.readNBytes(data, 0, data.length);
        if (read < data.length) {
            throw truncated(source, "file", header, read);
        }
        requireEnd(source, "file", in, header);
        return data;
    }

    /** Reads the data of a stream whose length is unknown in advance, such as decompressed gzip. */
    static byte[] readWithUnknownLength(String source, String streamKind, InputStream in, IdxHeader header)
            throws IOException {
        int expected = (int) header.dataByteCount();
        byte[] data = new byte[Math.min(expected, INITIAL_STREAM_BUFFER_BYTES)];
        int filled = 0;
        while (filled < expected) {
            if (filled == data.length) {
                data = Arrays.copyOf(data, (int) Math.min(expected, 2L * data.length));
            }
            int read = in.read(data, filled, data.length - filled);
            if (read < 0) {
                throw truncated(source, streamKind, header, filled);
            }
            filled += read;
        }
        requireEnd(source, streamKind, in, header);
        return data;
    }

    private static IdxFormatException truncated(String source, String streamKind, IdxHeader header, int read) {
        return new IdxFormatException(String.format(
                "%s: %s ends after %d data bytes, but header %s needs %d; the file is truncated",
                source, streamKind, read, header, header.dataByteCount()));
    }

    private static void requireEnd(String source, String streamKind, InputStream in, IdxHeader header)
            throws IOException {
        long trailing = countTrailingBytes(in);
        if (trailing == 0) {
            return;
        }
        String count = trailing > MAX_TRAILING_BYTES_COUNTED
                ? "more than " + MAX_TRAILING_BYTES_COUNTED
                : Long.toString(trailing);
        throw new IdxFormatException(String.format(
                "%s: %s continues after the %d data bytes that header %s describes; "
                        + "%s trailing bytes follow the data",
                source, streamKind, header.dataByteCount(), header, count));
    }

    /** Counts bytes up to one past the counting limit. */
    private static long countTrailingBytes(InputStream in) throws IOException {
        byte[] scratch = new byte[8192];
        long count = 0;
        while (count <= MAX_TRAILING_BYTES_COUNTED) {
            int read = in.read(scratch, 0, scratch.length);
            if (read < 0) {
                break;
            }
            count += read;
        }
        return count;
    }
}
