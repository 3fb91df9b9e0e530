package org.cortexj.nn.activations;

import org.cortexj.nn.Module;
import org.cortexj.nn.functional.Activations;
import org.cortexj.tensor.Tensor;

/**
 * Sigmoid linear unit, also called swish.
 *
 * <pre>
 * silu(x) = x·sigmoid(x) = x / (1 + exp(−x))
 * </pre>
 *
 * <p>Smooth everywhere; the derivative sigmoid(x)·(1 + x·(1 − sigmoid(x))) is 0.5 at x = 0.
 *
 * <p>Shape: any shape in, the same shape out. Paper: Elfwing, Uchibe and Doya 2017,
 * "Sigmoid-Weighted Linear Units for Neural Network Function Approximation in Reinforcement
 * Learning", arXiv:1702.03118.
 *
 * @see Activations#silu
 */
public final class SiLU extends Module {

    @Override
    public Tensor forward(Tensor input) {
        return Activations.silu(input);
    }

    @Override
    public String toString() {
        return "SiLU";
    }
}
