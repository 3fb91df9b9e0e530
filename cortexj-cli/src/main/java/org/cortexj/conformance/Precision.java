package org.cortexj.conformance;

import org.cortexj.backend.DataType;

/** Floating-point precision at which a handler runs a case. */
public enum Precision {
    FLOAT32(DataType.FLOAT32),
    FLOAT64(DataType.FLOAT64);

    private final DataType dataType;

    Precision(DataType dataType) {
        this.dataType = dataType;
    }

    /** Returns the library's element type for this precision. */
    public DataType dataType() {
        return dataType;
    }

    /** Lower-case name as used on the command line, such as {@code float32}. */
    @Override
    public String toString() {
        return dataType.toString();
    }
}
