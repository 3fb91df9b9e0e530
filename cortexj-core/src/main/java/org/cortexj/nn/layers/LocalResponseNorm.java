package org.cortexj.nn.layers;

import org.cortexj.nn.Module;
import org.cortexj.nn.functional.Normalization;
import org.cortexj.tensor.Tensor;

/**
 * Local response normalization across channels, as PyTorch's {@code LocalResponseNorm}:
 * {@code y[n, c] = x[n, c] / (k + alpha / size · Σ_{c'} x[n, c']²)^beta}, where {@code c'}
 * runs over the {@code size} channels {@code [c − size / 2, c + (size − 1) / 2]} (integer
 * division) and channels outside the input contribute 0.
 *
 * <p>Shapes: input {@code [N, C, ...]} of rank 2 or more, output of the same shape. Defaults
 * as in PyTorch: alpha 1e-4, beta 0.75, k 1. The layer has no parameters.
 */
public final class LocalResponseNorm extends Module {

    private final int size;
    private final double alpha;
    private final double beta;
    private final double k;

    /**
     * Creates the layer.
     *
     * @param size number of neighbouring channels summed, at least 1
     * @param alpha scale of the sum of squares, finite and at least 0
     * @param beta exponent, finite
     * @param k additive constant, finite and greater than 0
     */
    public LocalResponseNorm(int size, double alpha, double beta, double k) {
        Normalization.checkResponseNormSettings(size, alpha, beta, k);
        this.size = size;
        this.alpha = alpha;
        this.beta = beta;
        this.k = k;
    }

    /** Creates the layer with PyTorch's defaults: alpha 1e-4, beta 0.75, k 1. */
    public LocalResponseNorm(int size) {
        this(size, 1e-4, 0.75, 1.0);
    }

    @Override
    public Tensor forward(Tensor input) {
        return Normalization.localResponseNorm(input, size, alpha, beta, k);
    }

    public int size() {
        return size;
    }

    public double alpha() {
        return alpha;
    }

    public double beta() {
        return beta;
    }

    public double k() {
        return k;
    }
}
