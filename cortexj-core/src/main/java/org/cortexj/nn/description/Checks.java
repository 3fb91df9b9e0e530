package org.cortexj.nn.description;

import java.util.Arrays;

/** Validation shared by the layer descriptions; every message names the layer and the setting. */
final class Checks {

    private Checks() {
    }

    static String label(String type, String id) {
        return id == null ? type : type + " '" + id + "'";
    }

    static void positive(String type, String id, String setting, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(label(type, id) + ": " + setting + " must be >= 1, got " + value);
        }
    }

    static void positive(String type, String id, String setting, Size2 value) {
        if (value == null || value.height() < 1 || value.width() < 1) {
            throw new IllegalArgumentException(label(type, id) + ": " + setting + " must be >= 1 in both axes, got "
                    + value);
        }
    }

    static void nonNegative(String type, String id, String setting, Size2 value) {
        if (value == null || value.height() < 0 || value.width() < 0) {
            throw new IllegalArgumentException(label(type, id) + ": " + setting + " must be >= 0 in both axes, got "
                    + value);
        }
    }

    static void rank(LayerDescription layer, int[] input, int rank) {
        if (input.length != rank) {
            String expected = rank == 3 ? "[channels, height, width]" : "[features]";
            throw new IllegalArgumentException(label(layer.type(), layer.id()) + ": expects input " + expected
                    + ", got shape " + Arrays.toString(input)
                    + (rank == 1 ? "; add a flatten layer before it" : ""));
        }
    }

    static int slidingOutput(LayerDescription layer, int[] input, int size, int kernel, int stride, int padding,
                             int dilation, String axis) {
        int span = dilation * (kernel - 1) + 1;
        int padded = size + 2 * padding;
        if (span > padded) {
            throw new IllegalArgumentException(label(layer.type(), layer.id()) + ": kernel " + kernel
                    + (dilation > 1 ? " (dilated to " + span + ")" : "") + " is larger than the padded input "
                    + axis + " " + padded + " of input shape " + Arrays.toString(input));
        }
        return (padded - span) / stride + 1;
    }

    /** Output size of pooling with PyTorch's ceil-mode rule: the last window must start inside. */
    static int poolOutput(LayerDescription layer, int[] input, int size, int kernel, int stride, int padding,
                          boolean ceilMode, String axis) {
        int padded = size + 2 * padding;
        if (kernel > padded) {
            throw new IllegalArgumentException(label(layer.type(), layer.id()) + ": kernel " + kernel
                    + " is larger than the padded input " + axis + " " + padded + " of input shape "
                    + Arrays.toString(input));
        }
        int span = padded - kernel;
        int output = (ceilMode ? (span + stride - 1) / stride : span / stride) + 1;
        if (ceilMode && (output - 1) * stride >= size + padding) {
            output--;
        }
        return output;
    }

    /** Largest element count of a layer's output or parameters: the most elements a tensor can have. */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE;

    /** Rejects an element count over {@link #MAX_ELEMENTS}, naming the layer and what was counted. */
    static void elementLimit(String layer, String quantity, long count) {
        if (count > MAX_ELEMENTS) {
            String size = count == Long.MAX_VALUE ? "overflows a long" : "is " + count;
            throw new IllegalArgumentException(layer + ": " + quantity + " " + size + ", over the limit of "
                    + MAX_ELEMENTS + " elements of one tensor");
        }
    }

    /** Product of the sizes, or {@link Long#MAX_VALUE} when it does not fit in a long. */
    static long saturatedProduct(int[] shape) {
        long product = 1;
        for (int dim : shape) {
            try {
                product = Math.multiplyExact(product, dim);
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
        }
        return product;
    }

    static long product(int[] shape) {
        long product = 1;
        for (int dim : shape) {
            product *= dim;
        }
        return product;
    }
}
