package org.cortexj.nn.layers;

import org.cortexj.backend.DataType;
import org.cortexj.tensor.Tensor;

/**
 * Batch normalization of feature vectors {@code [N, C]} (statistics per feature over N) or of
 * sequences {@code [N, C, L]} (over N and L). Output has the input's shape. {@link BatchNorm}
 * gives the formulas and the modes.
 */
public final class BatchNorm1d extends BatchNorm {

    private static final String LAYER = "BatchNorm1d";

    /**
     * Creates the layer from explicit initial values; the tensors are used, not copied.
     *
     * @param weight scale γ {@code [C]}, or null for no learned scale
     * @param bias shift β {@code [C]}, or null for no learned shift
     * @param runningMean {@code [C]}, updated in place in training mode
     * @param runningVar {@code [C]}, updated in place in training mode
     * @param eps added to the variance, finite and greater than 0 (default {@value BatchNorm#DEFAULT_EPS})
     * @param momentum weight of the newest batch in the running statistics, in [0, 1] (default
     *     {@value BatchNorm#DEFAULT_MOMENTUM})
     */
    public BatchNorm1d(Tensor weight, Tensor bias, Tensor runningMean, Tensor runningVar, double eps,
            double momentum) {
        super(LAYER, weight, bias, runningMean, runningVar, eps, momentum);
    }

    /**
     * Creates the layer as PyTorch does by default: weight 1, bias 0, running mean 0, running
     * variance 1, eps {@value BatchNorm#DEFAULT_EPS}, momentum {@value BatchNorm#DEFAULT_MOMENTUM}.
     *
     * @param channels number of features C, at least 1
     * @param dataType FLOAT32 or FLOAT64
     */
    public BatchNorm1d(int channels, DataType dataType) {
        this(filled(LAYER, 1, channels, dataType), filled(LAYER, 0, channels, dataType),
                filled(LAYER, 0, channels, dataType), filled(LAYER, 1, channels, dataType),
                DEFAULT_EPS, DEFAULT_MOMENTUM);
    }

    @Override
    protected void checkRank(Tensor input) {
        if (input.rank() != 2 && input.rank() != 3) {
            throw new IllegalArgumentException(LAYER + ": input must have rank 2 [N, C] or 3 [N, C, L], got shape "
                    + input.shape() + "; use BatchNorm2d for [N, C, H, W]");
        }
    }
}
