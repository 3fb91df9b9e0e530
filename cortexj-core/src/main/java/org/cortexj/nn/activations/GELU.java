package org.cortexj.nn.activations;

import org.cortexj.nn.Module;
import org.cortexj.nn.functional.Activations;
import org.cortexj.tensor.Tensor;

/**
 * Gaussian error linear unit.
 *
 * <pre>
 * gelu(x) = x·Φ(x) = 0.5·x·(1 + erf(x / √2))                        exact (default)
 * gelu(x) ≈ 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))               tanh approximation
 * </pre>
 *
 * <p>Φ is the standard normal distribution function. The tanh form differs from the exact one
 * by at most about 4.7e-4. The derivative Φ(x) + x·φ(x) is 0.5 at x = 0 in both forms.
 *
 * <p>Shape: any shape in, the same shape out. Paper: Hendrycks and Gimpel 2016, "Gaussian
 * Error Linear Units (GELUs)", arXiv:1606.08415.
 *
 * @see Activations#gelu
 * @see Activations#geluTanh
 */
public final class GELU extends Module {

    /** How GELU is evaluated. */
    public enum Approximation {
        /** The exact erf form. */
        NONE,
        /** The tanh approximation, as PyTorch's {@code approximate="tanh"}. */
        TANH
    }

    private final Approximation approximation;

    /** Exact GELU. */
    public GELU() {
        this(Approximation.NONE);
    }

    public GELU(Approximation approximation) {
        if (approximation == null) {
            throw new IllegalArgumentException("GELU: approximation must not be null; use Approximation.NONE "
                    + "for the exact form");
        }
        this.approximation = approximation;
    }

    public Approximation approximation() {
        return approximation;
    }

    @Override
    public Tensor forward(Tensor input) {
        return approximation == Approximation.TANH ? Activations.geluTanh(input) : Activations.gelu(input);
    }

    @Override
    public String toString() {
        return approximation == Approximation.TANH ? "GELU(approximation=TANH)" : "GELU";
    }
}
