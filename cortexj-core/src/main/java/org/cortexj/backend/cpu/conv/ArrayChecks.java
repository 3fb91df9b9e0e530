package org.cortexj.backend.cpu.conv;

/** Length checks for the arrays passed to the kernels of this package. */
final class ArrayChecks {

    private ArrayChecks() {
    }

    /** Checks that {@code array} has exactly {@code expected} elements. */
    static void requireLength(String op, String name, int length, int expected, Object geometry) {
        if (length != expected) {
            throw new IllegalArgumentException(op + ": " + name + " has " + length
                    + " elements, but " + geometry + " needs exactly " + expected);
        }
    }

    /** Checks that a workspace array has at least {@code expected} elements. */
    static void requireMinimumLength(String op, String name, int length, int expected,
            Object geometry) {
        if (length < expected) {
            throw new IllegalArgumentException(op + ": " + name + " has " + length
                    + " elements, but " + geometry + " needs at least " + expected);
        }
    }
}
