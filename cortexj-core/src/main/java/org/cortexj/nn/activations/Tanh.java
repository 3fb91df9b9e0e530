package org.cortexj.nn.activations;

import org.cortexj.nn.Module;
import org.cortexj.nn.functional.Activations;
import org.cortexj.tensor.Tensor;

/**
 * Hyperbolic tangent.
 *
 * <pre>
 * tanh(x) = (exp(x) − exp(−x)) / (exp(x) + exp(−x))
 * </pre>
 *
 * <p>The derivative 1 − tanh(x)² is 1 at x = 0.
 *
 * <p>Shape: any shape in, the same shape out.
 *
 * @see Activations#tanh
 */
public final class Tanh extends Module {

    @Override
    public Tensor forward(Tensor input) {
        return Activations.tanh(input);
    }

    @Override
    public String toString() {
        return "Tanh";
    }
}
