package org.cortexj.tensor;

import java.util.Arrays;

/**
 * Immutable list of axis sizes. Rank 0 is a scalar with one element; a size of 0 is an empty
 * axis.
 */
public final class Shape {

    private final int[] dims;
    private final int size;

    private Shape(int[] dims) {
        this.dims = dims;
        long product = 1;
        for (int dim : dims) {
            if (dim < 0) {
                throw new IllegalArgumentException("shape " + Arrays.toString(dims)
                        + ": axis sizes must be >= 0");
            }
            product *= dim;
            if (product > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shape " + Arrays.toString(dims) + " has more than "
                        + Integer.MAX_VALUE + " elements, the maximum a Java array can hold");
            }
        }
        this.size = (int) product;
    }

    /** Creates a shape; the array is copied. */
    public static Shape of(int... dims) {
        return new Shape(dims.clone());
    }

    static Shape wrap(int[] dims) {
        return new Shape(dims);
    }

    public int rank() {
        return dims.length;
    }

    /** Size of an axis; negative axes count from the end. */
    public int dim(int axis) {
        return dims[normalizeAxis(axis, dims.length, "dim")];
    }

    /** A copy of the axis sizes. */
    public int[] dims() {
        return dims.clone();
    }

    int[] dimsUnsafe() {
        return dims;
    }

    /** Number of elements: the product of the axis sizes, 1 for a scalar. */
    public int size() {
        return size;
    }

    /**
     * Returns the shape both operands broadcast to: trailing axes are aligned, and each pair of
     * sizes must be equal or contain a 1.
     *
     * @param operation named in the error, such as {@code add}
     * @throws IllegalArgumentException if some aligned pair differs and neither is 1
     */
    public static Shape broadcast(String operation, Shape left, Shape right) {
        if (left.equals(right)) {
            return left;
        }
        int rank = Math.max(left.rank(), right.rank());
        int[] result = new int[rank];
        for (int i = 0; i < rank; i++) {
            int a = i < rank - left.rank() ? 1 : left.dims[i - (rank - left.rank())];
            int b = i < rank - right.rank() ? 1 : right.dims[i - (rank - right.rank())];
            if (a != b && a != 1 && b != 1) {
                throw new IllegalArgumentException(operation + ": cannot broadcast shapes " + left + " and "
                        + right + "; each trailing dimension must be equal or 1");
            }
            result[i] = a == 1 ? b : a;
        }
        return new Shape(result);
    }

    /** Converts a possibly negative axis to [0, rank), or fails naming the operation. */
    public static int normalizeAxis(int axis, int rank, String operation) {
        int normalized = axis < 0 ? axis + rank : axis;
        if (normalized < 0 || normalized >= rank) {
            throw new IllegalArgumentException(operation + ": axis " + axis + " is out of range for rank "
                    + rank + "; valid axes are " + (-rank) + " to " + (rank - 1));
        }
        return normalized;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Shape shape && Arrays.equals(dims, shape.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        return Arrays.toString(dims);
    }
}
