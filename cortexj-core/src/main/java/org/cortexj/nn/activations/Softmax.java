package org.cortexj.nn.activations;

import org.cortexj.nn.Module;
import org.cortexj.tensor.Tensor;

/**
 * Softmax along one axis: turns scores into probabilities.
 *
 * <pre>
 * softmax(x)_i = exp(x_i − m) / Σ_j exp(x_j − m),   m = max_j x_j along the axis
 * </pre>
 *
 * <p>Each slice along the axis is non-negative and sums to 1. Subtracting the maximum keeps
 * logits of ±1000 finite; a slice containing +∞ gives NaN.
 *
 * <p>Shape: any shape in, the same shape out.
 *
 * @see org.cortexj.nn.functional.Softmax#softmax
 */
public final class Softmax extends Module {

    private final int axis;

    /** @param axis axis to normalize over; negative values count from the end, so −1 is the last */
    public Softmax(int axis) {
        this.axis = axis;
    }

    public int axis() {
        return axis;
    }

    @Override
    public Tensor forward(Tensor input) {
        return org.cortexj.nn.functional.Softmax.softmax(input, axis);
    }

    @Override
    public String toString() {
        return "Softmax(axis=" + axis + ")";
    }
}
