package org.cortexj.nn.activations;

import org.cortexj.nn.Module;
import org.cortexj.nn.functional.Activations;
import org.cortexj.tensor.Tensor;

/**
 * Leaky rectified linear unit.
 *
 * <pre>
 * leaky_relu(x) = x         if x &gt; 0
 *                 slope·x   if x ≤ 0
 * </pre>
 *
 * <p>The default slope is 0.01. The derivative at x = 0 is that of the x ≤ 0 branch, slope.
 *
 * <p>Shape: any shape in, the same shape out.
 *
 * @see Activations#leakyRelu(Tensor, double)
 */
public final class LeakyReLU extends Module {

    private final double slope;

    /** Leaky ReLU with slope {@value Activations#DEFAULT_LEAKY_SLOPE}. */
    public LeakyReLU() {
        this(Activations.DEFAULT_LEAKY_SLOPE);
    }

    /**
     * @param slope factor for inputs ≤ 0, any finite number
     * @throws IllegalArgumentException if slope is NaN or infinite
     */
    public LeakyReLU(double slope) {
        if (!Double.isFinite(slope)) {
            throw new IllegalArgumentException("LeakyReLU: slope must be finite, got " + slope);
        }
        this.slope = slope;
    }

    public double slope() {
        return slope;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Activations.leakyRelu(input, slope);
    }

    @Override
    public String toString() {
        return "LeakyReLU(slope=" + slope + ")";
    }
}
