package org.cortexj.data.idx;

import static org.cortexj.data.idx.IdxTestFiles.concat;
import static org.cortexj.data.idx.IdxTestFiles.encode;
import static org.cortexj.data.idx.IdxTestFiles.gzip;
import static org.cortexj.data.idx.IdxTestFiles.header;
import static org.cortexj.data.idx.IdxTestFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdxReaderTest {
    /** Six values per type, including each type's extremes, cast by {@link IdxTestFiles#encode}. */
    private static final double[][] VALUES = {
        {0, 1, 127, 128, 254, 255},
        {0, 1, -1, 127, -128, -7},
        {0, 1, -1, Short.MAX_VALUE, Short.MIN_VALUE, 1234},
        {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 65536, -70000},
        {0.5, -0.0, Float.MAX_VALUE, Float.MIN_VALUE, Double.POSITIVE_INFINITY, -3.25},
        {0.1, -0.0, Double.MAX_VALUE, Double.MIN_VALUE, Double.NEGATIVE_INFINITY, Math.PI},
    };

    @TempDir
    Path folder;

    private final IdxReader reader = new IdxReader();

    @ParameterizedTest
    @EnumSource(IdxType.class)
    void readsEveryTypeRaw(IdxType type) throws IOException {
        Path file = write(folder, "values.idx", concat(header(type, 2, 3), encode(type, values(type))));

        IdxFile idx = reader.read(file);

        assertValues(type, idx);
    }

    @ParameterizedTest
    @EnumSource(IdxType.class)
    void readsEveryTypeGzip(IdxType type) throws IOException {
        Path file = write(folder, "values.idx.gz", gzip(concat(header(type, 2, 3), encode(type, values(type)))));

        IdxFile idx = reader.read(file);

        assertValues(type, idx);
    }

    @ParameterizedTest
    @EnumSource(IdxType.class)
    void readsEveryTypeFromStream(IdxType type) throws IOException {
        byte[] content = concat(header(type, 2, 3), encode(type, values(type)));

        IdxFile raw = reader.read("raw stream", new ByteArrayInputStream(content));
        IdxFile compressed = reader.read("gzip stream", new ByteArrayInputStream(gzip(content)));

        assertValues(type, raw);
        assertValues(type, compressed);
        assertEquals("raw stream", raw.source());
    }

    @Test
    void gzipDetectedByContentNotName() throws IOException {
        byte[] content = IdxTestFiles.unsignedBytes(new int[] {3}, 7, 8, 9);
        Path compressedWithoutSuffix = write(folder, "labels-idx1-ubyte", gzip(content));
        Path rawWithSuffix = write(folder, "labels-idx1-ubyte.gz", content);

        assertArrayEquals(new byte[] {7, 8, 9}, reader.read(compressedWithoutSuffix).bytes());
        assertArrayEquals(new byte[] {7, 8, 9}, reader.read(rawWithSuffix).bytes());
    }

    @Test
    void unsignedBytesAreSharedNotCopied() throws IOException {
        Path file = write(folder, "images", IdxTestFiles.unsignedBytes(new int[] {1, 2, 2}, 0, 128, 255, 9));

        IdxFile idx = reader.read(file);

        assertTrue(idx.bytes() == idx.bytes(), "bytes() must return the held array");
        assertEquals(255.0, idx.valueAsDouble(2));
        assertArrayEquals(new int[] {1, 2, 2}, idx.dimensions());
        assertEquals(4, idx.elementCount());
    }

    @Test
    void expectedTypeMismatchNamesMagicNumbers() throws IOException {
        Path file = write(folder, "train-images-idx3-ubyte", IdxTestFiles.unsignedBytes(new int[] {2}, 1, 2));

        IdxFormatException error = assertThrows(IdxFormatException.class,
                () -> reader.read(file, IdxType.UNSIGNED_BYTE, 3));

        assertEquals(file + ": magic number 0x00000801 (unsigned byte, 1 dimension), "
                + "expected 0x00000803 (unsigned byte, 3 dimensions)", error.getMessage());
    }

    @Test
    void expectedTypeAcceptsMatchingFile() throws IOException {
        Path file = write(folder, "labels", IdxTestFiles.unsignedBytes(new int[] {2}, 1, 2));

        IdxFile idx = reader.read(file, IdxType.UNSIGNED_BYTE, 1);

        assertArrayEquals(new byte[] {1, 2}, idx.bytes());
    }

    @Test
    void expectedTypeWithForeignMagicNumber() throws IOException {
        Path file = write(folder, "archive.zip", concat(header(0x504b0304, 1), new byte[8]));

        IdxFormatException error = assertThrows(IdxFormatException.class,
                () -> reader.read(file, IdxType.FLOAT, 2));

        assertEquals(file + ": magic number 0x504b0304, expected 0x00000d02 (float, 2 dimensions)",
                error.getMessage());
    }

    @Test
    void nonZeroMagicPrefixRejected() throws IOException {
        Path file = write(folder, "foreign", concat(header(0x12340801, 1), new byte[1]));

        String message = assertThrows(IdxFormatException.class, () -> reader.read(file)).getMessage();

        assertTrue(message.startsWith(file + ": magic number 0x12340801 is invalid"), message);
        assertTrue(message.contains("first two bytes must be 0"), message);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x07, 0x0A, 0x0F, 0xFF})
    void unknownTypeCodeRejectedByValue(int code) throws IOException {
        Path file = write(folder, "unknown", concat(header((code << 8) | 1, 1), new byte[8]));

        String message = assertThrows(IdxFormatException.class, () -> reader.read(file)).getMessage();

        assertTrue(message.contains(String.format("type code 0x%02x", code)), message);
        assertTrue(message.contains("0x08 (unsigned byte)"), message);
        assertTrue(message.contains("0x0e (double)"), message);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 9, 255})
    void rankOutsideOneToEightRejected(int rank) throws IOException {
        Path file = write(folder, "rank", concat(header(0x0800 | rank), new byte[64]));

        String message = assertThrows(IdxFormatException.class, () -> reader.read(file)).getMessage();

        assertTrue(message.contains("rank " + rank + " in magic number"), message);
        assertTrue(message.contains("expected 1 to 8"), message);
    }

    @Test
    void rankEightAccepted() throws IOException {
        int[] dimensions = {1, 2, 1, 2, 1, 2, 1, 2};
        Path file = write(folder, "rank8", concat(header(IdxType.SIGNED_BYTE, dimensions), new byte[16]));

        assertEquals(8, reader.read(file).rank());
    }

    @Test
    void negativeDimensionRejected() throws IOException {
        Path file = write(folder, "negative", concat(header(IdxType.UNSIGNED_BYTE, 2, -5), new byte[10]));

        String message = assertThrows(IdxFormatException.class, () -> reader.read(file)).getMessage();

        assertEquals(file + ": dimension 1 of 2 is 0xfffffffb (4294967291 as unsigned, -5 as signed); "
                + "dimensions must be in [0, 2147483647]", message);
    }

    @Test
    void headerClaimingTwoToThe31ImagesRejected() throws IOException {
        Path file = write(folder, "train-images", header(IdxType.UNSIGNED_BYTE, 0x80000000, 28, 28));

        String message = assertThrows(IdxFormatException.class, () -> reader.read(file)).getMessage();

        assertTrue(message.contains("dimension 0 of 3 is 0x80000000 (2147483648 as unsigned"), message);
    }

    @Test
    void dimensionProductOverLimitRejected() throws IOException {
        Path file = write(folder, "huge", header(IdxType.UNSIGNED_BYTE, 65536, 65536, 65536));

        String message = assertThrows(IdxFormatException.class, () -> reader.read(file)).getMessage();

        // 2^48 bytes, written out by hand.
        assertTrue(message.contains("dimensions [65536, 65536, 65536] of unsigned byte need 281474976710656 "
                + "data bytes, over the limit of 1073741824 bytes"), message);
        assertTrue(message.contains("a Java array holds at most 2147483639 bytes"), message);
    }

    @Test
    void productOverflowingLongRejected() throws IOException {
        int[] dimensions = new int[8];
        Arrays.fill(dimensions, Integer.MAX_VALUE);
        Path file = write(folder, "overflow", header(IdxType.DOUBLE, dimensions));

        String message = assertThrows(IdxFormatException.class, () -> reader.read(file)).getMessage();

        // (2^31 - 1)^8 * 8 is about 3.6e75, far beyond a long.
        String expected = java.math.BigInteger.valueOf(Integer.MAX_VALUE).pow(8).shiftLeft(3).toString();
        assertTrue(message.contains("need " + expected + " data bytes"), message);
    }

    @Test
    void sizeWithinHardLimitSuggestsRaisingLimit() throws IOException {
        Path file = write(folder, "big", header(IdxType.FLOAT, 100, 100));
        IdxReader small = new IdxReader(1000);

        String message = assertThrows(IdxFormatException.class, () -> small.read(file)).getMessage();

        assertTrue(message.contains("need 40000 data bytes, over the limit of 1000 bytes"), message);
        assertTrue(message.contains("new IdxReader(maxDataBytes)"), message);
    }

    @Test
    void zeroInnerDimensionRejected() throws IOException {
        Path file = write(folder, "empty-rows", header(IdxType.UNSIGNED_BYTE, 5, 0, 28));

        String message = assertThrows(IdxFormatException.class, () -> reader.read(file)).getMessage();

        assertEquals(file + ": dimension 1 of 3 is 0; only dimension 0, the item count, may be 0", message);
    }

    @Test
    void zeroItemCountAccepted() throws IOException {
        Path file = write(folder, "no-items", header(IdxType.UNSIGNED_BYTE, 0, 28, 28));

        IdxFile idx = reader.read(file);

        assertEquals(0, idx.elementCount());
        assertEquals(0, idx.bytes().length);
    }

    @Test
    void truncatedHeaderRejected() throws IOException {
        byte[] content = Arrays.copyOf(header(IdxType.UNSIGNED_BYTE, 10, 28, 28), 10);
        Path file = write(folder, "cut-header", content);

        String message = assertThrows(IdxFormatException.class, () -> reader.read(file)).getMessage();

        assertEquals(file + ": file ends after 10 bytes, inside the IDX header of 16 bytes; the file is truncated",
                message);
    }

    @Test
    void emptyFileRejected() throws IOException {
        Path file = write(folder, "empty", new byte[0]);

        String message = assertThrows(IdxFormatException.class, () -> reader.read(file)).getMessage();

        assertTrue(message.contains("file ends after 0 bytes, inside the IDX header of 4 bytes"), message);
    }

    @Test
    void truncatedRawDataRejected() throws IOException {
        Path file = write(folder, "cut", concat(header(IdxType.INT, 2), new byte[5]));

        String message = assertThrows(IdxFormatException.class, () -> reader.read(file)).getMessage();

        assertEquals(file + ": file is 13 bytes, but header int [2] needs 8 + 8 = 16 bytes; the file is truncated",
                message);
    }

    @Test
    void truncatedGzipDataRejected() throws IOException {
        Path file = write(folder, "cut.gz", gzip(concat(header(IdxType.INT, 2), new byte[5])));

        String message = assertThrows(IdxFormatException.class, () -> reader.read(file)).getMessage();

        assertEquals(file + ": gzip data ends after 5 data bytes, but header int [2] needs 8; "
                + "the file is truncated", message);
    }

    @Test
    void trailingRawBytesRejected() throws IOException {
        Path file = write(folder, "long", concat(header(IdxType.UNSIGNED_BYTE, 3), new byte[7]));

        String message = assertThrows(IdxFormatException.class, () -> reader.read(file)).getMessage();

        assertEquals(file + ": file is 15 bytes, but header unsigned byte [3] needs 8 + 3 = 11 bytes; "
                + "4 trailing bytes follow the data", message);
    }

    @Test
    void trailingGzipBytesRejected() throws IOException {
        Path file = write(folder, "long.gz", gzip(concat(header(IdxType.UNSIGNED_BYTE, 3), new byte[7])));

        String message = assertThrows(IdxFormatException.class, () -> reader.read(file)).getMessage();

        assertEquals(file + ": gzip data continues after the 3 data bytes that header unsigned byte [3] "
                + "describes; 4 trailing bytes follow the data", message);
    }

    @Test
    void trailingStreamBytesRejected() {
        byte[] content = concat(header(IdxType.SHORT, 1), new byte[3]);

        String message = assertThrows(IdxFormatException.class,
                () -> reader.read("labels stream", new ByteArrayInputStream(content))).getMessage();

        assertTrue(message.startsWith("labels stream: stream continues after the 2 data bytes"), message);
        assertTrue(message.contains("1 trailing bytes follow the data"), message);
    }

    @Test
    void gzipClaimOverLimitRejectedBeforeData() throws IOException {
        // A 40-byte gzip file whose header claims 2^31 - 1 images of 28 x 28 pixels.
        Path file = write(folder, "bomb.gz", gzip(header(IdxType.UNSIGNED_BYTE, Integer.MAX_VALUE, 28, 28)));

        String message = assertThrows(IdxFormatException.class, () -> reader.read(file)).getMessage();

        assertTrue(message.contains("need 1683627179248 data bytes, over the limit of 1073741824 bytes"), message);
    }

    @Test
    void gzipClaimWithinLimitFailsAsTruncated() throws IOException {
        // The header claims 512 MiB, under the limit; only 100 bytes follow.
        Path file = write(folder, "claim.gz", gzip(concat(header(IdxType.UNSIGNED_BYTE, 1 << 29), new byte[100])));

        String message = assertThrows(IdxFormatException.class, () -> reader.read(file)).getMessage();

        assertTrue(message.contains("gzip data ends after 100 data bytes, but header unsigned byte [536870912] "
                + "needs 536870912"), message);
    }

    @Test
    void corruptGzipRejected() throws IOException {
        byte[] compressed = gzip(IdxTestFiles.unsignedBytes(new int[] {4096}, new int[4096]));
        Path cut = write(folder, "cut.gz", Arrays.copyOf(compressed, compressed.length / 2));
        byte[] garbled = compressed.clone();
        Arrays.fill(garbled, 10, garbled.length - 8, (byte) 0x55);
        Path bad = write(folder, "bad.gz", garbled);

        String cutMessage = assertThrows(IdxFormatException.class, () -> reader.read(cut)).getMessage();
        String badMessage = assertThrows(IdxFormatException.class, () -> reader.read(bad)).getMessage();

        assertTrue(cutMessage.startsWith(cut + ": gzip data is corrupt or truncated"), cutMessage);
        assertTrue(badMessage.startsWith(bad + ": gzip data is corrupt or truncated"), badMessage);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Integer.MAX_VALUE})
    void limitOutsideRangeRejected(long limit) {
        String message = assertThrows(IllegalArgumentException.class, () -> new IdxReader(limit)).getMessage();

        assertEquals("IdxReader: maxDataBytes must be in [1, 2147483639], got " + limit, message);
    }

    @Test
    void typedAccessorRejectsOtherType() throws IOException {
        Path file = write(folder, "pixels", IdxTestFiles.unsignedBytes(new int[] {2}, 1, 2));
        IdxFile idx = reader.read(file);

        String message = assertThrows(IllegalStateException.class, idx::floats).getMessage();

        assertEquals("IdxFile " + file + ": floats() requires float data, but the file contains unsigned byte [2]",
                message);
    }

    private static double[] values(IdxType type) {
        return VALUES[type.ordinal()];
    }

    /** Compares the decoded elements with the values cast to the type in plain Java. */
    private static void assertValues(IdxType type, IdxFile idx) {
        double[] values = values(type);
        assertEquals(type, idx.type());
        assertArrayEquals(new int[] {2, 3}, idx.dimensions());
        assertEquals(6, idx.elementCount());
        for (int i = 0; i < values.length; i++) {
            double expected = switch (type) {
                case UNSIGNED_BYTE -> (int) values[i] & 0xFF;
                case SIGNED_BYTE -> (byte) values[i];
                case SHORT -> (short) values[i];
                case INT -> (int) values[i];
                case FLOAT -> (float) values[i];
                case DOUBLE -> values[i];
            };
            assertEquals(expected, idx.valueAsDouble(i), "element " + i);
        }
        switch (type) {
            case UNSIGNED_BYTE, SIGNED_BYTE -> assertEquals(6, idx.bytes().length);
            case SHORT -> assertEquals((short) values[3], idx.shorts()[3]);
            case INT -> assertEquals((int) values[3], idx.ints()[3]);
            case FLOAT -> assertEquals((float) values[3], idx.floats()[3]);
            case DOUBLE -> assertEquals(values[5], idx.doubles()[5]);
        }
    }
}
