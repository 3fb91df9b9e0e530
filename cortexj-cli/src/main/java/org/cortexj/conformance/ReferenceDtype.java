package org.cortexj.conformance;

/**
 * Element kind of a reference tensor, from its optional {@code "dtype"} member.
 *
 * <p>Values of every kind are stored as {@code double}. {@link #INT64} values (labels, indices) are
 * integers of magnitude at most 2^53, so a {@code double} represents them exactly. {@link #BOOL}
 * values are 0 or 1.
 */
public enum ReferenceDtype {
    /** Floating point; the default when a tensor has no {@code "dtype"}. */
    FLOAT("float"),
    INT64("int64"),
    BOOL("bool");

    private final String jsonName;

    ReferenceDtype(String jsonName) {
        this.jsonName = jsonName;
    }

    /** Whether values must match exactly, as for indices, labels and masks. */
    public boolean isExact() {
        return this != FLOAT;
    }

    /**
     * Parses a {@code "dtype"} value. Besides {@code int64} and {@code bool}, the floating-point
     * names {@code float}, {@code float32} and {@code float64} are accepted.
     *
     * @throws ReferenceFormatException if {@code name} is not one of these
     */
    static ReferenceDtype fromJson(String name, String path) {
        switch (name) {
            case "float":
            case "float32":
            case "float64":
                return FLOAT;
            case "int64":
                return INT64;
            case "bool":
                return BOOL;
            default:
                throw new ReferenceFormatException(path + ".dtype: unknown dtype \"" + name
                        + "\"; expected int64, bool, or float (the default when dtype is absent)");
        }
    }

    @Override
    public String toString() {
        return jsonName;
    }
}
