package org.cortexj.nn.activations;

import org.cortexj.nn.Module;
import org.cortexj.tensor.Tensor;

/**
 * Logarithm of the softmax along one axis.
 *
 * <pre>
 * log_softmax(x)_i = x_i − m − log(Σ_j exp(x_j − m)),   m = max_j x_j along the axis
 * </pre>
 *
 * <p>Accurate where softmax underflows to 0: a logit 2000 below the maximum gives −2000, not
 * −∞. A slice containing +∞ gives NaN.
 *
 * <p>Shape: any shape in, the same shape out.
 *
 * @see org.cortexj.nn.functional.Softmax#logSoftmax
 */
public final class LogSoftmax extends Module {

    private final int axis;

    /** @param axis axis to normalize over; negative values count from the end, so −1 is the last */
    public LogSoftmax(int axis) {
        this.axis = axis;
    }

    public int axis() {
        return axis;
    }

    @Override
    public Tensor forward(Tensor input) {
        return org.cortexj.nn.functional.Softmax.logSoftmax(input, axis);
    }

    @Override
    public String toString() {
        return "LogSoftmax(axis=" + axis + ")";
    }
}
