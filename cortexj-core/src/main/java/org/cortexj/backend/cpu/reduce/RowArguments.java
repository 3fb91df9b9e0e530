package org.cortexj.backend.cpu.reduce;

import java.util.Objects;

/** Checks of the arguments shared by every row reduction; messages start with the operation. */
final class RowArguments {

    private RowArguments() {
    }

    /**
     * Checks that {@code rows} rows of {@code rowLength} elements starting at
     * {@code inputOffset} lie inside the input, and that {@code rows} results starting at
     * {@code outputOffset} fit in the output.
     *
     * @throws IllegalArgumentException if {@code rows} or {@code rowLength} is negative
     * @throws IndexOutOfBoundsException if either region leaves its array
     */
    static void checkRegions(String operation, int inputLength, int inputOffset, int rows,
            int rowLength, int outputLength, int outputOffset) {
        checkNonNegative(operation, "rows", rows);
        checkNonNegative(operation, "rowLength", rowLength);
        checkInputRegion(operation, inputLength, inputOffset, rows, rowLength);
        checkOutputRegion(operation, "output", outputLength, outputOffset, rows);
    }

    static void checkInputRegion(
            String operation, int inputLength, int inputOffset, int rows, int rowLength) {
        long end = (long) inputOffset + (long) rows * rowLength;
        if (inputOffset < 0 || end > inputLength) {
            throw new IndexOutOfBoundsException(operation + ": input region [" + inputOffset
                    + ", " + end + ") of " + rows + " rows of " + rowLength
                    + " elements is outside the input array of length " + inputLength);
        }
    }

    static void checkOutputRegion(
            String operation, String name, int outputLength, int outputOffset, int rows) {
        long end = (long) outputOffset + rows;
        if (outputOffset < 0 || end > outputLength) {
            throw new IndexOutOfBoundsException(operation + ": " + name + " region ["
                    + outputOffset + ", " + end + ") for " + rows
                    + " rows is outside the " + name + " array of length " + outputLength);
        }
    }

    static void checkNonNegative(String operation, String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(
                    operation + ": " + name + " must be >= 0, got " + value);
        }
    }

    /**
     * Rejects empty rows for reductions without an identity value.
     *
     * @throws IllegalArgumentException if {@code rowLength} is 0, whatever the row count
     */
    static void checkRowsNotEmpty(String operation, int rowLength) {
        if (rowLength == 0) {
            throw new IllegalArgumentException(operation
                    + ": the reduced axes are empty (0 elements per row) and " + operation
                    + " has no identity value; reduce over axes of non-zero size");
        }
    }

    static <T> T requireArray(String operation, String name, T array) {
        return Objects.requireNonNull(array, () -> operation + ": " + name + " array is null");
    }
}
