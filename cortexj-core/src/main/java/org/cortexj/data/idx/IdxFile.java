package org.cortexj.data.idx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Contents of one IDX file: its header and its data section as big-endian bytes.
 *
 * <p>Byte data is exposed without a copy through {@link #bytes()}. The other types are decoded on
 * request into a new array by {@link #shorts()}, {@link #ints()}, {@link #floats()} and
 * {@link #doubles()}. Elements are in row-major order, so element {@code (i, j, k)} of a file with
 * dimensions {@code [n, rows, columns]} is at index {@code (i * rows + j) * columns + k}.
 */
public final class IdxFile {
    private final String source;
    private final IdxHeader header;
    private final byte[] data;

    IdxFile(String source, IdxHeader header, byte[] data) {
        if (data.length != header.dataByteCount()) {
            throw new IllegalArgumentException(String.format(
                    "IdxFile %s: data has %d bytes, header %s needs %d", source, data.length, header,
                    header.dataByteCount()));
        }
        this.source = source;
        this.header = header;
        this.data = data;
    }

    /** File path or stream name the data was read from, as used in error messages. */
    public String source() {
        return source;
    }

    public IdxHeader header() {
        return header;
    }

    public IdxType type() {
        return header.type();
    }

    public int rank() {
        return header.rank();
    }

    /** Returns a copy of the dimensions, outermost first. */
    public int[] dimensions() {
        return header.dimensions();
    }

    public int dimension(int axis) {
        return header.dimension(axis);
    }

    public int elementCount() {
        return header.elementCount();
    }

    /**
     * Returns the elements of an {@link IdxType#UNSIGNED_BYTE} or {@link IdxType#SIGNED_BYTE} file.
     * The array is the one this object holds, not a copy, so that large image sets are not
     * duplicated. For unsigned data, read a value with {@code Byte.toUnsignedInt(bytes[i])}.
     *
     * @throws IllegalStateException if the file contains another type
     */
    public byte[] bytes() {
        if (type() != IdxType.UNSIGNED_BYTE && type() != IdxType.SIGNED_BYTE) {
            throw wrongType("bytes()", "unsigned byte or signed byte");
        }
        return data;
    }

    /** Decodes the elements of an {@link IdxType#SHORT} file into a new array. */
    public short[] shorts() {
        requireType(IdxType.SHORT, "shorts()");
        short[] values = new short[elementCount()];
        bigEndian().asShortBuffer().get(values);
        return values;
    }

    /** Decodes the elements of an {@link IdxType#INT} file into a new array. */
    public int[] ints() {
        requireType(IdxType.INT, "ints()");
        int[] values = new int[elementCount()];
        bigEndian().asIntBuffer().get(values);
        return values;
    }

    /** Decodes the elements of an {@link IdxType#FLOAT} file into a new array. */
    public float[] floats() {
        requireType(IdxType.FLOAT, "floats()");
        float[] values = new float[elementCount()];
        bigEndian().asFloatBuffer().get(values);
        return values;
    }

    /** Decodes the elements of an {@link IdxType#DOUBLE} file into a new array. */
    public double[] doubles() {
        requireType(IdxType.DOUBLE, "doubles()");
        double[] values = new double[elementCount()];
        bigEndian().asDoubleBuffer().get(values);
        return values;
    }

    /**
     * Returns one element of any type as a double. Unsigned bytes give 0 to 255 and signed bytes
     * give -128 to 127.
     *
     * @param index flat row-major index in [0, {@link #elementCount()})
     */
    public double valueAsDouble(int index) {
        if (index < 0 || index >= elementCount()) {
            throw new IndexOutOfBoundsException(String.format(
                    "IdxFile %s: index %d is outside [0, %d)", source, index, elementCount()));
        }
        ByteBuffer buffer = bigEndian();
        int offset = index * type().byteSize();
        return switch (type()) {
            case UNSIGNED_BYTE -> Byte.toUnsignedInt(data[index]);
            case SIGNED_BYTE -> data[index];
            case SHORT -> buffer.getShort(offset);
            case INT -> buffer.getInt(offset);
            case FLOAT -> buffer.getFloat(offset);
            case DOUBLE -> buffer.getDouble(offset);
        };
    }

    /** Returns text such as {@code train-images-idx3-ubyte: unsigned byte [60000, 28, 28]}. */
    @Override
    public String toString() {
        return source + ": " + header;
    }

    private ByteBuffer bigEndian() {
        return ByteBuffer.wrap(data).order(ByteOrder.BIG_ENDIAN);
    }

    private void requireType(IdxType expected, String accessor) {
        if (type() != expected) {
            throw wrongType(accessor, expected.toString());
        }
    }

    private IllegalStateException wrongType(String accessor, String expected) {
        return new IllegalStateException(String.format(
                "IdxFile %s: %s requires %s data, but the file contains %s", source, accessor, expected, header));
    }
}
