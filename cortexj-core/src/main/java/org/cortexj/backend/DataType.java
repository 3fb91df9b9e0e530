package org.cortexj.backend;

/**
 * Element type of a buffer or tensor.
 *
 * <p>Arithmetic is defined for {@link #FLOAT32} and {@link #FLOAT64}. {@link #INT32} carries
 * indices and class labels: it can be created, viewed, copied and converted, but arithmetic
 * operations reject it.
 */
public enum DataType {
    FLOAT32("float32", 4),
    FLOAT64("float64", 8),
    INT32("int32", 4);

    private final String displayName;
    private final int byteSize;

    DataType(String displayName, int byteSize) {
        this.displayName = displayName;
        this.byteSize = byteSize;
    }

    /** Size of one element in bytes. */
    public int byteSize() {
        return byteSize;
    }

    public boolean isFloatingPoint() {
        return this != INT32;
    }

    /** Parses a name as printed by {@link #toString()}, such as {@code float32}. */
    public static DataType fromName(String name) {
        for (DataType type : values()) {
            if (type.displayName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException(
                "unknown data type '" + name + "'; expected float32, float64 or int32");
    }

    @Override
    public String toString() {
        return displayName;
    }
}
