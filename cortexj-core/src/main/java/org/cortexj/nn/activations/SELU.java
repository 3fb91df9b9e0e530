package org.cortexj.nn.activations;

import org.cortexj.nn.Module;
import org.cortexj.nn.functional.Activations;
import org.cortexj.tensor.Tensor;

/**
 * Scaled exponential linear unit, the activation of self-normalizing networks.
 *
 * <pre>
 * selu(x) = λ·x                 if x &gt; 0
 *           λ·α·(exp(x) − 1)    if x ≤ 0
 * λ = 1.0507009873554804934193349852946
 * α = 1.6732632423543772848170429916717
 * </pre>
 *
 * <p>With weights drawn from N(0, 1/fan_in), these constants drive activations toward mean 0
 * and variance 1 layer after layer. The derivative at x = 0 is that of the x ≤ 0 branch,
 * λα = 1.7580993408473766. Large positive inputs do not overflow: float32 selu(100) is λ·100
 * with gradient λ.
 *
 * <p>Shape: any shape in, the same shape out. Paper: Klambauer, Unterthiner, Mayr and
 * Hochreiter 2017, "Self-Normalizing Neural Networks", arXiv:1706.02515.
 *
 * @see Activations#selu
 */
public final class SELU extends Module {

    @Override
    public Tensor forward(Tensor input) {
        return Activations.selu(input);
    }

    @Override
    public String toString() {
        return "SELU";
    }
}
