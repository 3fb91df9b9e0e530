package org.cortexj.backend;

import java.util.Arrays;

/**
 * Strided view of a buffer: element {@code (i0, i1, ...)} lives at
 * {@code offset + i0 * strides[0] + i1 * strides[1] + ...}, all in elements.
 *
 * <p>A stride may be 0 (a broadcast axis) or negative (a reversed slice). Arrays passed in are
 * not copied, so callers must not change them afterwards.
 */
public record Layout(int[] shape, int[] strides, int offset) {

    public Layout {
        if (shape.length != strides.length) {
            throw new IllegalArgumentException("Layout: shape " + Arrays.toString(shape)
                    + " and strides " + Arrays.toString(strides) + " differ in rank");
        }
    }

    /** Returns the row-major layout of {@code shape} starting at element 0. */
    public static Layout contiguous(int... shape) {
        return new Layout(shape, rowMajorStrides(shape), 0);
    }

    /** Returns row-major strides: the last axis has stride 1. */
    public static int[] rowMajorStrides(int[] shape) {
        int[] strides = new int[shape.length];
        int stride = 1;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            strides[axis] = stride;
            stride *= shape[axis];
        }
        return strides;
    }

    public int rank() {
        return shape.length;
    }

    /** Number of elements, 1 for rank 0. */
    public int size() {
        int size = 1;
        for (int dim : shape) {
            size *= dim;
        }
        return size;
    }

    /** Whether the elements are in row-major order with no gaps, starting at {@link #offset}. */
    public boolean isContiguous() {
        int expected = 1;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            if (shape[axis] != 1 && strides[axis] != expected) {
                return false;
            }
            expected *= shape[axis];
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Layout layout
                && offset == layout.offset
                && Arrays.equals(shape, layout.shape)
                && Arrays.equals(strides, layout.strides);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(shape) + Arrays.hashCode(strides)) + offset;
    }

    @Override
    public String toString() {
        return "Layout[shape=" + Arrays.toString(shape) + ", strides=" + Arrays.toString(strides)
                + ", offset=" + offset + "]";
    }
}
