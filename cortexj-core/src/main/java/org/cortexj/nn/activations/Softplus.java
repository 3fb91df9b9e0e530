package org.cortexj.nn.activations;

import org.cortexj.nn.Module;
import org.cortexj.nn.functional.Activations;
import org.cortexj.tensor.Tensor;

/**
 * Softplus, a smooth approximation of ReLU.
 *
 * <pre>
 * softplus(x) = log(1 + exp(beta·x)) / beta   if beta·x ≤ threshold
 *               x                             if beta·x &gt; threshold
 * </pre>
 *
 * <p>Defaults are beta 1 and threshold 20, as in PyTorch. Past the threshold the two forms
 * differ by less than exp(−threshold)/beta, about 2e-9 for the defaults, and returning x
 * avoids overflow. The derivative is sigmoid(beta·x) below the threshold, 0.5 at x = 0, and
 * 1 above it.
 *
 * <p>Shape: any shape in, the same shape out.
 *
 * @see Activations#softplus(Tensor, double, double)
 */
public final class Softplus extends Module {

    private final double beta;
    private final double threshold;

    /**
     * Softplus with beta {@value Activations#DEFAULT_SOFTPLUS_BETA} and threshold
     * {@value Activations#DEFAULT_SOFTPLUS_THRESHOLD}.
     */
    public Softplus() {
        this(Activations.DEFAULT_SOFTPLUS_BETA, Activations.DEFAULT_SOFTPLUS_THRESHOLD);
    }

    /**
     * @param beta sharpness, finite and &gt; 0
     * @param threshold value of beta·x above which the input passes through; not NaN
     * @throws IllegalArgumentException if beta is not finite and positive, or threshold is NaN
     */
    public Softplus(double beta, double threshold) {
        if (!Double.isFinite(beta) || beta <= 0) {
            throw new IllegalArgumentException("Softplus: beta must be finite and > 0, got " + beta);
        }
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("Softplus: threshold must be a number, got NaN");
        }
        this.beta = beta;
        this.threshold = threshold;
    }

    public double beta() {
        return beta;
    }

    public double threshold() {
        return threshold;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Activations.softplus(input, beta, threshold);
    }

    @Override
    public String toString() {
        return "Softplus(beta=" + beta + ", threshold=" + threshold + ")";
    }
}
