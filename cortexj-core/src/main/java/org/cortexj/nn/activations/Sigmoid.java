package org.cortexj.nn.activations;

import org.cortexj.nn.Module;
import org.cortexj.nn.functional.Activations;
import org.cortexj.tensor.Tensor;

/**
 * Logistic sigmoid.
 *
 * <pre>
 * sigmoid(x) = 1 / (1 + exp(−x))
 * </pre>
 *
 * <p>Computed without overflow for any |x|: sigmoid(−100) is about 3.7e-44, not 0/0. The
 * derivative sigmoid(x)·(1 − sigmoid(x)) is 0.25 at x = 0.
 *
 * <p>Shape: any shape in, the same shape out.
 *
 * @see Activations#sigmoid
 */
public final class Sigmoid extends Module {

    @Override
    public Tensor forward(Tensor input) {
        return Activations.sigmoid(input);
    }

    @Override
    public String toString() {
        return "Sigmoid";
    }
}
