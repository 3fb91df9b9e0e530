package org.cortexj.nn.functional;

import org.cortexj.tensor.Tensor;

/**
 * Elementwise activation functions, each written once as a tensor expression.
 *
 * <p>No function here has a hand-written derivative: autograd differentiates the expression,
 * and because elementwise operations are lazy, the whole expression and its gradient each run
 * as one fused pass. Piecewise functions use {@link Tensor#where}, which passes only the
 * selected branch forward and gives the other branch a gradient of exactly 0, so an overflow
 * in the unused branch (such as exp(100) in float32) never reaches the output or the gradient.
 *
 * <p>At a kink the derivative is the one PyTorch 1.13 returns, fixed by which branch the
 * {@code where} condition selects at 0: relu 0, leaky relu the slope, elu alpha, selu λα.
 *
 * <p>Every function accepts a float32 or float64 tensor of any shape and returns a tensor of
 * the same shape and type. NaN inputs give NaN outputs.
 */
public final class Activations {

    /** SELU scale λ from Klambauer et al. 2017, "Self-Normalizing Neural Networks". */
    public static final double SELU_LAMBDA = 1.0507009873554804934193349852946;

    /** SELU negative saturation α from Klambauer et al. 2017. */
    public static final double SELU_ALPHA = 1.6732632423543772848170429916717;

    /** ELU alpha used when none is given. */
    public static final double DEFAULT_ELU_ALPHA = 1.0;

    /** Leaky ReLU slope for negative inputs used when none is given. */
    public static final double DEFAULT_LEAKY_SLOPE = 0.01;

    /** Softplus beta used when none is given. */
    public static final double DEFAULT_SOFTPLUS_BETA = 1.0;

    /** Softplus threshold on beta·x above which x is returned, used when none is given. */
    public static final double DEFAULT_SOFTPLUS_THRESHOLD = 20.0;

    private static final double SQRT_HALF = 0.70710678118654752440084436210484903;
    private static final double SQRT_TWO_OVER_PI = 0.79788456080286535587989211986876373;
    private static final double GELU_TANH_CUBIC = 0.044715;

    private Activations() {
    }

    /**
     * Scaled exponential linear unit: λ·x for x &gt; 0, λ·α·(exp(x) − 1) for x ≤ 0, with
     * λ = {@value #SELU_LAMBDA} and α = {@value #SELU_ALPHA}. The derivative at 0 is that of
     * the x ≤ 0 branch, λα = 1.7580993408473766.
     */
    public static Tensor selu(Tensor x) {
        // expm1(x) is exp(x) − 1 without the cancellation near 0.
        return Tensor.where(x.gt(0), x, x.expm1().mul(SELU_ALPHA)).mul(SELU_LAMBDA);
    }

    /** ELU with alpha {@value #DEFAULT_ELU_ALPHA}; see {@link #elu(Tensor, double)}. */
    public static Tensor elu(Tensor x) {
        return elu(x, DEFAULT_ELU_ALPHA);
    }

    /**
     * Exponential linear unit: x for x &gt; 0, alpha·(exp(x) − 1) for x ≤ 0. The derivative at
     * 0 is that of the x ≤ 0 branch, alpha.
     *
     * @param alpha scale of the x ≤ 0 branch, any finite number; the output approaches −alpha
     *     as x → −∞
     * @throws IllegalArgumentException if alpha is NaN or infinite
     */
    public static Tensor elu(Tensor x, double alpha) {
        requireFinite("elu", "alpha", alpha);
        return Tensor.where(x.gt(0), x, x.expm1().mul(alpha));
    }

    /** max(x, 0), with derivative 0 at x = 0. */
    public static Tensor relu(Tensor x) {
        return x.relu();
    }

    /** Leaky ReLU with slope {@value #DEFAULT_LEAKY_SLOPE}; see {@link #leakyRelu(Tensor, double)}. */
    public static Tensor leakyRelu(Tensor x) {
        return leakyRelu(x, DEFAULT_LEAKY_SLOPE);
    }

    /**
     * Leaky ReLU: x for x &gt; 0, slope·x for x ≤ 0. The derivative at 0 is slope.
     *
     * @param slope factor applied to inputs ≤ 0; any finite number
     * @throws IllegalArgumentException if slope is NaN or infinite
     */
    public static Tensor leakyRelu(Tensor x, double slope) {
        requireFinite("leakyRelu", "slope", slope);
        return Tensor.where(x.gt(0), x, x.mul(slope));
    }

    /** Logistic sigmoid 1 / (1 + exp(−x)); never overflows, derivative 0.25 at 0. */
    public static Tensor sigmoid(Tensor x) {
        return x.sigmoid();
    }

    /** Hyperbolic tangent; derivative 1 at 0. */
    public static Tensor tanh(Tensor x) {
        return x.tanh();
    }

    /** Softplus with beta {@value #DEFAULT_SOFTPLUS_BETA} and threshold {@value #DEFAULT_SOFTPLUS_THRESHOLD}. */
    public static Tensor softplus(Tensor x) {
        return softplus(x, DEFAULT_SOFTPLUS_BETA, DEFAULT_SOFTPLUS_THRESHOLD);
    }

    /**
     * Softplus: log(1 + exp(beta·x)) / beta where beta·x ≤ threshold, and x where
     * beta·x &gt; threshold, as PyTorch computes it. Past the threshold the two forms differ by
     * less than exp(−threshold)/beta, and returning x avoids exp overflow. The derivative is
     * sigmoid(beta·x) below the threshold (0.5 at 0) and 1 above it.
     *
     * @param beta sharpness, finite and &gt; 0
     * @param threshold value of beta·x above which x is returned; any non-NaN number
     * @throws IllegalArgumentException if beta is not finite and positive, or threshold is NaN
     */
    public static Tensor softplus(Tensor x, double beta, double threshold) {
        requireFinite("softplus", "beta", beta);
        if (beta <= 0) {
            throw new IllegalArgumentException("softplus: beta must be > 0, got " + beta);
        }
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("softplus: threshold must be a number, got NaN");
        }
        Tensor scaled = x.mul(beta);
        Tensor smooth = scaled.exp().log1p().div(beta);
        return Tensor.where(scaled.gt(threshold), x, smooth);
    }

    /**
     * Sigmoid linear unit x·sigmoid(x), also called swish (Elfwing et al. 2017). Derivative
     * 0.5 at 0.
     */
    public static Tensor silu(Tensor x) {
        return x.mul(x.sigmoid());
    }

    /**
     * Gaussian error linear unit in its exact form x·Φ(x) = 0.5·x·(1 + erf(x/√2)), where Φ is
     * the standard normal distribution function (Hendrycks and Gimpel 2016). Derivative 0.5 at
     * 0.
     */
    public static Tensor gelu(Tensor x) {
        return x.mul(0.5).mul(x.mul(SQRT_HALF).erf().add(1));
    }

    /**
     * GELU in the tanh approximation 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))) that PyTorch
     * selects with {@code approximate="tanh"}. It differs from {@link #gelu} by at most about
     * 5e-4.
     */
    public static Tensor geluTanh(Tensor x) {
        Tensor inner = x.add(x.mul(x).mul(x).mul(GELU_TANH_CUBIC)).mul(SQRT_TWO_OVER_PI);
        return x.mul(0.5).mul(inner.tanh().add(1));
    }

    private static void requireFinite(String operation, String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(operation + ": " + name + " must be finite, got " + value);
        }
    }
}
