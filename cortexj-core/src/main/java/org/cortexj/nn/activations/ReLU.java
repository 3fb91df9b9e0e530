package org.cortexj.nn.activations;

import org.cortexj.nn.Module;
import org.cortexj.nn.functional.Activations;
import org.cortexj.tensor.Tensor;

/**
 * Rectified linear unit.
 *
 * <pre>
 * relu(x) = x   if x &gt; 0
 *           0   if x ≤ 0
 * </pre>
 *
 * <p>The derivative at x = 0 is 0. NaN inputs stay NaN.
 *
 * <p>Shape: any shape in, the same shape out.
 *
 * @see Activations#relu
 */
public final class ReLU extends Module {

    @Override
    public Tensor forward(Tensor input) {
        return Activations.relu(input);
    }

    @Override
    public String toString() {
        return "ReLU";
    }
}
