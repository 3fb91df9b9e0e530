package org.cortexj.data.idx;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Reads and validates an IDX header from untrusted bytes.
 *
 * <p>The checks run in file order and each one names the source, the field, its value and the
 * rule, so that a corrupt or foreign file fails before any data buffer is allocated.
 */
final class IdxHeaderParser {

    private IdxHeaderParser() {
    }

    /**
     * Reads the magic number and the dimensions.
     *
     * @param expectedType type the caller requires, or null to accept any type and rank
     * @param expectedRank rank the caller requires, ignored when {@code expectedType} is null
     * @param maxDataBytes largest data section accepted, in bytes
     */
    static IdxHeader parse(String source, InputStream in, IdxType expectedType, int expectedRank,
            long maxDataBytes) throws IOException {
        int magic = readHeaderInt(source, in, 0, 4);
        if (expectedType != null) {
            checkExpectedMagic(source, magic, expectedType, expectedRank);
        }
        IdxType type = parseType(source, magic);
        int rank = parseRank(source, magic);

        int headerBytes = 4 + 4 * rank;
        int[] dimensions = new int[rank];
        for (int axis = 0; axis < rank; axis++) {
            dimensions[axis] = readHeaderInt(source, in, 4 + 4 * axis, headerBytes);
            checkDimension(source, dimensions[axis], axis, rank);
        }
        checkDataSize(source, type, dimensions, maxDataBytes);
        return new IdxHeader(type, dimensions);
    }

    private static int readHeaderInt(String source, InputStream in, int bytesSoFar, int headerBytes)
            throws IOException {
        byte[] field = in.readNBytes(4);
        if (field.length < 4) {
            throw new IdxFormatException(String.format(
                    "%s: file ends after %d bytes, inside the IDX header of %d bytes; the file is truncated",
                    source, bytesSoFar + field.length, headerBytes));
        }
        return ((field[0] & 0xFF) << 24) | ((field[1] & 0xFF) << 16) | ((field[2] & 0xFF) << 8)
                | (field[3] & 0xFF);
    }

    private static void checkExpectedMagic(String source, int magic, IdxType expectedType, int expectedRank)
            throws IdxFormatException {
        int expectedMagic = IdxHeader.magicNumber(expectedType, expectedRank);
        if (magic == expectedMagic) {
            return;
        }
        throw new IdxFormatException(String.format("%s: magic number 0x%08x%s, expected 0x%08x (%s)",
                source, magic, describeMagic(magic), expectedMagic,
                IdxHeader.describe(expectedType, expectedRank)));
    }

    /** Decodes a magic number for a message, or returns "" when it is not a valid IDX magic number. */
    private static String describeMagic(int magic) {
        int rank = magic & 0xFF;
        boolean valid = (magic >>> 16) == 0 && rank >= 1 && rank <= IdxHeader.MAX_RANK;
        return IdxType.fromCode((magic >> 8) & 0xFF)
                .filter(type -> valid)
                .map(type -> " (" + IdxHeader.describe(type, rank) + ")")
                .orElse("");
    }

    private static IdxType parseType(String source, int magic) throws IdxFormatException {
        if ((magic >>> 16) != 0) {
            throw new IdxFormatException(String.format(
                    "%s: magic number 0x%08x is invalid, its first two bytes must be 0; this is not an IDX file",
                    source, magic));
        }
        int code = (magic >> 8) & 0xFF;
        return IdxType.fromCode(code).orElseThrow(() -> new IdxFormatException(String.format(
                "%s: type code 0x%02x in magic number 0x%08x is unknown; known codes are %s",
                source, code, magic, IdxType.describeKnownCodes())));
    }

    private static int parseRank(String source, int magic) throws IdxFormatException {
        int rank = magic & 0xFF;
        if (rank < 1 || rank > IdxHeader.MAX_RANK) {
            throw new IdxFormatException(String.format(
                    "%s: rank %d in magic number 0x%08x is invalid, expected 1 to %d",
                    source, rank, magic, IdxHeader.MAX_RANK));
        }
        return rank;
    }

    /**
     * Rejects negative dimensions, including values of 2^31 and more read as unsigned, and a zero
     * inner dimension. Dimension 0 counts items, and 0 items is a valid empty file, but a zero
     * inner dimension makes every item empty, which no dataset uses and which hides a bad header.
     */
    private static void checkDimension(String source, int dimension, int axis, int rank)
            throws IdxFormatException {
        if (dimension < 0) {
            throw new IdxFormatException(String.format(
                    "%s: dimension %d of %d is 0x%08x (%d as unsigned, %d as signed); "
                            + "dimensions must be in [0, %d]",
                    source, axis, rank, dimension, Integer.toUnsignedLong(dimension), dimension,
                    Integer.MAX_VALUE));
        }
        if (dimension == 0 && axis > 0) {
            throw new IdxFormatException(String.format(
                    "%s: dimension %d of %d is 0; only dimension 0, the item count, may be 0",
                    source, axis, rank));
        }
    }

    private static void checkDataSize(String source, IdxType type, int[] dimensions, long maxDataBytes)
            throws IdxFormatException {
        // BigInteger because up to 8 dimensions of 2^31 - 1 overflow a long.
        BigInteger byteCount = BigInteger.valueOf(type.byteSize());
        for (int dimension : dimensions) {
            byteCount = byteCount.multiply(BigInteger.valueOf(dimension));
        }
        if (byteCount.compareTo(BigInteger.valueOf(maxDataBytes)) <= 0) {
            return;
        }
        String fix = byteCount.compareTo(BigInteger.valueOf(IdxReader.MAX_DATA_BYTES_LIMIT)) <= 0
                ? "if the file is genuine, read it with new IdxReader(maxDataBytes)"
                : "a Java array holds at most " + IdxReader.MAX_DATA_BYTES_LIMIT + " bytes";
        throw new IdxFormatException(String.format(
                "%s: dimensions %s of %s need %s data bytes, over the limit of %d bytes; %s",
                source, Arrays.toString(dimensions), type, byteCount, maxDataBytes, fix));
    }
}
