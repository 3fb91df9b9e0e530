package org.cortexj.data.idx;

import java.util.Arrays;

/**
 * Parsed IDX header: the element type and the dimensions, outermost first.
 *
 * <p>Instances come from {@link IdxReader}, which has already checked the rank, every dimension
 * and the total size against its limits, so {@link #elementCount()} fits in an {@code int}.
 */
public final class IdxHeader {
    /** Largest rank this reader accepts. The format allows 255, but no real dataset needs more. */
    public static final int MAX_RANK = 8;

    private final IdxType type;
    private final int[] dimensions;

    IdxHeader(IdxType type, int[] dimensions) {
        this.type = type;
        this.dimensions = dimensions.clone();
    }

    /** Returns the magic number of a file with this type and rank, such as {@code 0x00000803}. */
    public static int magicNumber(IdxType type, int rank) {
        return (type.code() << 8) | rank;
    }

    /** Describes a type and rank as in {@code unsigned byte, 3 dimensions}. */
    public static String describe(IdxType type, int rank) {
        return type + ", " + rank + (rank == 1 ? " dimension" : " dimensions");
    }

    public int magicNumber() {
        return magicNumber(type, dimensions.length);
    }

    public IdxType type() {
        return type;
    }

    public int rank() {
        return dimensions.length;
    }

    /** Returns a copy of the dimensions, outermost first. */
    public int[] dimensions() {
        return dimensions.clone();
    }

    public int dimension(int axis) {
        return dimensions[axis];
    }

    /** Product of the dimensions. */
    public int elementCount() {
        long count = 1;
        for (int dimension : dimensions) {
            count *= dimension;
        }
        return Math.toIntExact(count);
    }

    /** Size of the data section in bytes. */
    public long dataByteCount() {
        return (long) elementCount() * type.byteSize();
    }

    /** Size of the header in bytes: the 4-byte magic number and 4 bytes per dimension. */
    public int headerByteCount() {
        return 4 + 4 * dimensions.length;
    }

    /** Returns text such as {@code unsigned byte [60000, 28, 28]}. */
    @Override
    public String toString() {
        return type + " " + Arrays.toString(dimensions);
    }
}
