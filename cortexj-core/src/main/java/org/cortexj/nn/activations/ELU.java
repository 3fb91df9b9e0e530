package org.cortexj.nn.activations;

import org.cortexj.nn.Module;
import org.cortexj.nn.functional.Activations;
import org.cortexj.tensor.Tensor;

/**
 * Exponential linear unit.
 *
 * <pre>
 * elu(x) = x                   if x &gt; 0
 *          alpha·(exp(x) − 1)  if x ≤ 0
 * </pre>
 *
 * <p>The negative branch saturates at −alpha, which pushes mean activations toward 0. The
 * derivative at x = 0 is that of the x ≤ 0 branch, alpha (1 for the default).
 *
 * <p>Shape: any shape in, the same shape out. Paper: Clevert, Unterthiner and Hochreiter 2015,
 * "Fast and Accurate Deep Network Learning by Exponential Linear Units (ELUs)",
 * arXiv:1511.07289.
 *
 * @see Activations#elu(Tensor, double)
 */
public final class ELU extends Module {

    private final double alpha;

    /** ELU with alpha {@value Activations#DEFAULT_ELU_ALPHA}. */
    public ELU() {
        this(Activations.DEFAULT_ELU_ALPHA);
    }

    /**
     * @param alpha scale of the x ≤ 0 branch, any finite number
     * @throws IllegalArgumentException if alpha is NaN or infinite
     */
    public ELU(double alpha) {
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("ELU: alpha must be finite, got " + alpha);
        }
        this.alpha = alpha;
    }

    public double alpha() {
        return alpha;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Activations.elu(input, alpha);
    }

    @Override
    public String toString() {
        return "ELU(alpha=" + alpha + ")";
    }
}
