package org.cortexj.nn.layers;

import java.util.Arrays;
import java.util.Objects;
import org.cortexj.backend.DataType;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;

/**
 * Checks of layer settings for constructors. Every message names the layer, the setting, the
 * value and the allowed range.
 */
final class LayerSettings {

    private LayerSettings() {
    }

    /**
     * Returns {@code {height, width}} from one value for both axes or a (height, width) pair,
     * after checking that both are at least {@code minimum}.
     */
    static int[] pair(String layer, String name, int[] values, int minimum) {
        if (values == null || values.length < 1 || values.length > 2) {
            throw new IllegalArgumentException(layer + ": " + name + " must have 1 value or 2 values "
                    + "(height, width), got " + Arrays.toString(values));
        }
        int[] pair = values.length == 1 ? new int[] {values[0], values[0]} : values.clone();
        if (pair[0] < minimum || pair[1] < minimum) {
            throw new IllegalArgumentException(layer + ": " + name + " must be at least " + minimum
                    + ", got " + Arrays.toString(values));
        }
        return pair;
    }

    static int atLeast(String layer, String name, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(layer + ": " + name + " must be at least " + minimum
                    + ", got " + value);
        }
        return value;
    }

    /** Checks a drop probability: a finite number in [0, 1). */
    static double dropProbability(String layer, double p) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException(layer + ": p, the probability that an element is dropped, "
                    + "must be in [0, 1), got " + p);
        }
        return p;
    }

    /** Checks that pooling padding is at most half the kernel size on each axis. */
    static void poolPadding(String layer, int[] padding, int[] kernel) {
        for (int axis = 0; axis < 2; axis++) {
            if (padding[axis] > kernel[axis] / 2) {
                throw new IllegalArgumentException(layer + ": padding must be at most half the kernel size, "
                        + "got padding " + Arrays.toString(padding) + " for kernel size "
                        + Arrays.toString(kernel));
            }
        }
    }

    /** Checks that a tensor is present and float32 or float64. */
    static Tensor floatTensor(String layer, String name, Tensor value) {
        if (value == null) {
            throw new IllegalArgumentException(layer + ": " + name + " must not be null");
        }
        if (!value.dataType().isFloatingPoint()) {
            throw new IllegalArgumentException(layer + ": " + name + " must be float32 or float64, got "
                    + value.dataType());
        }
        return value;
    }

    /** Checks that a parameter is a float tensor with exactly {@code shape}. */
    static Tensor parameterShape(String layer, String name, Tensor value, int... shape) {
        floatTensor(layer, name, value);
        if (!Arrays.equals(value.shape().dims(), shape)) {
            throw new IllegalArgumentException(layer + ": " + name + " must have shape "
                    + Arrays.toString(shape) + ", got " + value.shape());
        }
        return value;
    }

    /** Checks that {@code other} has the data type of {@code reference}. */
    static void sameType(String layer, String referenceName, Tensor reference, String name, Tensor other) {
        if (other != null && other.dataType() != reference.dataType()) {
            throw new IllegalArgumentException(layer + ": " + name + " is " + other.dataType() + " but "
                    + referenceName + " is " + reference.dataType() + "; use one data type");
        }
    }

    /** Checks that every size of a weight shape is at least 1. */
    static void positiveDims(String layer, String name, Tensor value, String[] axisNames) {
        int[] dims = value.shape().dims();
        for (int axis = 0; axis < dims.length; axis++) {
            if (dims[axis] < 1) {
                throw new IllegalArgumentException(layer + ": " + axisNames[axis] + " must be at least 1, got "
                        + dims[axis] + " in " + name + " shape " + value.shape());
            }
        }
    }

    /** Checks that a data type for new parameters is float32 or float64. */
    static DataType floatType(String layer, DataType dataType) {
        if (dataType == null || !dataType.isFloatingPoint()) {
            throw new IllegalArgumentException(layer + ": dataType must be float32 or float64, got " + dataType);
        }
        return dataType;
    }

    static Generator generator(String layer, Generator generator) {
        return Objects.requireNonNull(generator, layer + ": generator must not be null; pass new Generator(seed)");
    }
}
