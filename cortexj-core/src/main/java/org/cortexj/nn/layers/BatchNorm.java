package org.cortexj.nn.layers;

import org.cortexj.autograd.GradMode;
import org.cortexj.backend.DataType;
import org.cortexj.nn.Module;
import org.cortexj.nn.Parameter;
import org.cortexj.nn.functional.Normalization;
import org.cortexj.tensor.Tensor;

/**
 * Batch normalization over channel axis 1, as PyTorch's
 * {@code BatchNorm1d} and {@code BatchNorm2d}; the subclasses fix the input rank.
 *
 * <p>Training mode normalizes with the statistics of the batch, per channel over every axis
 * but 1: {@code y = (x − mean) / sqrt(var + eps) · weight + bias}, with the biased variance
 * (divided by the count n of values per channel). It then updates the running statistics in
 * place: {@code runningMean = (1 − momentum)·runningMean + momentum·mean} and
 * {@code runningVar = (1 − momentum)·runningVar + momentum·var·n / (n − 1)}, the unbiased
 * variance. Evaluation mode normalizes with the running statistics and changes nothing.
 *
 * <p>The forward pass is a tensor expression, so autograd derives the gradients of x, weight
 * and bias, through the batch statistics in training mode. Parameters are named {@code weight}
 * and {@code bias}, buffers {@code running_mean} and {@code running_var}, as in PyTorch.
 */
public abstract class BatchNorm extends Module {

    /** Default added to the variance before the square root, as in PyTorch. */
    public static final double DEFAULT_EPS = 1e-5;

    /** Default weight of the newest batch in the running statistics, as in PyTorch. */
    public static final double DEFAULT_MOMENTUM = 0.1;

    private final String layer;
    private final Parameter weight;
    private final Parameter bias;
    private final Tensor runningMean;
    private final Tensor runningVar;
    private final double eps;
    private final double momentum;

    /**
     * Creates the layer from explicit initial values; the tensors are used, not copied.
     *
     * @param layer layer name for messages
     * @param weight scale γ {@code [C]}, or null for no learned scale
     * @param bias shift β {@code [C]}, or null for no learned shift
     * @param runningMean {@code [C]}, updated in place in training mode
     * @param runningVar {@code [C]}, updated in place in training mode
     * @param eps added to the variance, finite and greater than 0
     * @param momentum weight of the newest batch in the running statistics, in [0, 1]
     */
    protected BatchNorm(String layer, Tensor weight, Tensor bias, Tensor runningMean, Tensor runningVar,
            double eps, double momentum) {
        this.layer = layer;
        checkStatistics(runningMean, runningVar);
        int channels = runningMean.dim(0);
        if (weight != null) {
            LayerSettings.parameterShape(layer, "weight", weight, channels);
            LayerSettings.sameType(layer, "runningMean", runningMean, "weight", weight);
        }
        if (bias != null) {
            LayerSettings.parameterShape(layer, "bias", bias, channels);
            LayerSettings.sameType(layer, "runningMean", runningMean, "bias", bias);
        }
        if (!(eps > 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException(layer + ": eps must be finite and greater than 0, got " + eps);
        }
        if (!(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException(layer + ": momentum must be in [0, 1], got " + momentum);
        }
        this.eps = eps;
        this.momentum = momentum;
        this.weight = weight == null ? null : addParameter("weight", weight);
        this.bias = bias == null ? null : addParameter("bias", bias);
        this.runningMean = addBuffer("running_mean", runningMean.realize());
        this.runningVar = addBuffer("running_var", runningVar.realize());
    }

    private void checkStatistics(Tensor mean, Tensor variance) {
        if (mean == null || mean.rank() != 1) {
            throw new IllegalArgumentException(layer + ": runningMean must have shape [channels], got "
                    + (mean == null ? "null" : mean.shape().toString()));
        }
        LayerSettings.atLeast(layer, "channels", mean.dim(0), 1);
        LayerSettings.parameterShape(layer, "runningMean", mean, mean.dim(0));
        LayerSettings.parameterShape(layer, "runningVar", variance, mean.dim(0));
        LayerSettings.sameType(layer, "runningMean", mean, "runningVar", variance);
    }

    /** Returns ones or zeros of shape {@code [channels]}, after checking the arguments. */
    protected static Tensor filled(String layer, double value, int channels, DataType dataType) {
        LayerSettings.atLeast(layer, "channels", channels, 1);
        return Tensor.full(value, LayerSettings.floatType(layer, dataType), channels);
    }

    /** Checks that the input rank suits the subclass, for example 4 for BatchNorm2d. */
    protected abstract void checkRank(Tensor input);

    @Override
    public Tensor forward(Tensor input) {
        checkRank(input);
        if (input.dim(1) != channels()) {
            throw new IllegalArgumentException(layer + ": input " + input.shape() + " has " + input.dim(1)
                    + " channels on axis 1, expected " + channels());
        }
        LayerSettings.sameType(layer, "runningMean", runningMean, "input", input);
        Tensor weightValue = weight == null ? null : weight.value();
        Tensor biasValue = bias == null ? null : bias.value();
        if (!isTraining()) {
            return Normalization.batchNorm(input, runningMean, runningVar, weightValue, biasValue, eps);
        }

        Normalization.Statistics batch = Normalization.batchStatistics(input);
        if (batch.count() < 2) {
            throw new IllegalArgumentException(layer + ": training needs more than 1 value per channel, got input "
                    + input.shape() + "; use a larger batch or switch to eval()");
        }
        Tensor y = Normalization.batchNorm(input, batch.mean(), batch.variance(), weightValue, biasValue, eps);
        updateRunningStatistics(batch);
        return y;
    }

    private void updateRunningStatistics(Normalization.Statistics batch) {
        double n = batch.count();
        try (GradMode.Scope ignored = GradMode.disable()) {
            runningMean.mulInPlace(1 - momentum).addInPlace(batch.mean().detach().mul(momentum));
            Tensor unbiased = batch.variance().detach().mul(momentum * n / (n - 1));
            runningVar.mulInPlace(1 - momentum).addInPlace(unbiased);
        }
    }

    /** Number of channels C. */
    public int channels() {
        return runningMean.dim(0);
    }

    /** The scale γ, or null when the layer has none. */
    public Parameter weight() {
        return weight;
    }

    /** The shift β, or null when the layer has none. */
    public Parameter bias() {
        return bias;
    }

    /** Running mean, updated in place by each forward pass in training mode. */
    public Tensor runningMean() {
        return runningMean;
    }

    /** Running unbiased variance, updated in place by each forward pass in training mode. */
    public Tensor runningVar() {
        return runningVar;
    }

    public double eps() {
        return eps;
    }

    public double momentum() {
        return momentum;
    }
}
