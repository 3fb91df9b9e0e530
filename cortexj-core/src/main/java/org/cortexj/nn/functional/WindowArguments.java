package org.cortexj.nn.functional;

import java.util.Arrays;
import org.cortexj.backend.Window2d;
import org.cortexj.tensor.Tensor;

/** Argument checks shared by the convolution and pooling functions. */
final class WindowArguments {

    private WindowArguments() {
    }

    /**
     * Returns {@code {height, width}} from a setting given as one value for both axes or as a
     * (height, width) pair.
     *
     * @throws IllegalArgumentException if {@code values} is null or has another length
     */
    static int[] pair(String op, String name, int[] values) {
        if (values == null || values.length < 1 || values.length > 2) {
            throw new IllegalArgumentException(op + ": " + name + " must have 1 value or 2 values "
                    + "(height, width), got " + Arrays.toString(values));
        }
        return values.length == 1 ? new int[] {values[0], values[0]} : values.clone();
    }

    /** Checks every setting and returns the window. */
    static Window2d window(String op, int[] kernel, int[] stride, int[] padding, int[] dilation) {
        requireAtLeast(op, "kernel size", kernel, 1);
        requireAtLeast(op, "stride", stride, 1);
        requireAtLeast(op, "padding", padding, 0);
        requireAtLeast(op, "dilation", dilation, 1);
        return new Window2d(kernel[0], kernel[1], stride[0], stride[1], padding[0], padding[1],
                dilation[0], dilation[1]);
    }

    private static void requireAtLeast(String op, String name, int[] pair, int minimum) {
        if (pair[0] < minimum || pair[1] < minimum) {
            throw new IllegalArgumentException(op + ": " + name + " must be at least " + minimum
                    + " on both axes, got " + Arrays.toString(pair));
        }
    }

    /** Checks that {@code tensor} is a float32 or float64 tensor of rank {@code rank}. */
    static void requireFloatRank(String op, String name, Tensor tensor, int rank, String layout) {
        if (tensor.rank() != rank) {
            throw new IllegalArgumentException(op + ": " + name + " must have rank " + rank + " " + layout
                    + ", got shape " + tensor.shape());
        }
        if (!tensor.dataType().isFloatingPoint()) {
            throw new IllegalArgumentException(op + ": " + name + " must be float32 or float64, got "
                    + tensor.dataType());
        }
    }

    /** Checks that {@code other} has the data type of {@code x}. */
    static void requireSameType(String op, Tensor x, String name, Tensor other) {
        if (other.dataType() != x.dataType()) {
            throw new IllegalArgumentException(op + ": " + name + " is " + other.dataType() + " but x is "
                    + x.dataType() + "; convert one with toType");
        }
    }
}
