package org.cortexj.nn.functional;

import java.util.Arrays;
import org.cortexj.backend.DataType;
import org.cortexj.tensor.Tensor;

/**
 * Batch normalization and local response normalization, written as tensor expressions so that
 * autograd derives their gradients. Channels are axis 1 of every input: {@code [N, C]},
 * {@code [N, C, L]} or {@code [N, C, H, W]}.
 */
public final class Normalization {

    private Normalization() {
    }

    /**
     * Per-channel statistics of a batch.
     *
     * @param mean mean of each channel, {@code [C]}
     * @param variance biased variance of each channel (divided by the count n, not n − 1), {@code [C]}
     * @param count number of values per channel n: the input size divided by C
     */
    public record Statistics(Tensor mean, Tensor variance, int count) {
    }

    /**
     * Computes the mean and biased variance of every channel (axis 1) over all other axes,
     * recording gradients.
     *
     * @param x float tensor of rank at least 2, {@code [N, C, ...]}
     */
    public static Statistics batchStatistics(Tensor x) {
        requireChannels("batchStatistics", x);
        int[] axes = axesExceptChannels(x.rank());
        int count = x.dim(1) == 0 ? 0 : x.size() / x.dim(1);
        return new Statistics(x.mean(axes), x.variance(axes, false, 0), count);
    }

    /**
     * Normalizes each channel with the given statistics:
     * {@code y = (x − mean) / sqrt(variance + eps) · weight + bias}, with the per-channel
     * tensors broadcast along axis 1.
     *
     * @param x float tensor {@code [N, C, ...]}
     * @param mean {@code [C]}
     * @param variance {@code [C]}, the biased batch variance in training or the running variance
     * @param weight scale γ {@code [C]}, or null for 1
     * @param bias shift β {@code [C]}, or null for 0
     * @param eps added to the variance before the square root, greater than 0 (PyTorch default 1e-5)
     */
    public static Tensor batchNorm(Tensor x, Tensor mean, Tensor variance, Tensor weight, Tensor bias,
            double eps) {
        requireChannels("batchNorm", x);
        int[] channelShape = channelShape(x.rank(), x.dim(1));
        Tensor inverseStd = perChannel("variance", variance, x, channelShape).add(eps).rsqrt();
        Tensor y = x.sub(perChannel("mean", mean, x, channelShape)).mul(inverseStd);
        if (weight != null) {
            y = y.mul(perChannel("weight", weight, x, channelShape));
        }
        if (bias != null) {
            y = y.add(perChannel("bias", bias, x, channelShape));
        }
        return y;
    }

    /**
     * Divides each value by a power of the sum of squares over neighbouring channels, as
     * PyTorch's {@code local_response_norm}:
     * {@code y[n, c] = x[n, c] / (k + alpha / size · Σ_{c'} x[n, c']²)^beta}, where {@code c'}
     * runs over {@code [c − size / 2, c + (size − 1) / 2]} (integer division), and channels
     * outside {@code [0, C)} contribute 0.
     *
     * @param x float tensor {@code [N, C, ...]}; PyTorch requires rank 3 or more, rank 2 is also accepted here
     * @param size number of channels in the window, at least 1
     * @param alpha scale of the sum of squares, at least 0
     * @param beta exponent
     * @param k additive constant, greater than 0, so the base stays positive
     */
    public static Tensor localResponseNorm(Tensor x, int size, double alpha, double beta, double k) {
        requireChannels("localResponseNorm", x);
        checkResponseNormSettings(size, alpha, beta, k);
        if (x.size() == 0) {
            return x.mul(1);
        }
        int channels = x.dim(1);
        int rest = x.size() / (x.dim(0) * channels);
        // A [C, C] band matrix sums each channel's window for all positions in one product.
        Tensor band = windowMatrix(channels, size, x.dataType());
        Tensor squares = x.square().reshape(x.dim(0), channels, rest);
        Tensor windowSums = band.matmul(squares).reshape(x.shape().dims());
        Tensor divisor = windowSums.mul(alpha / size).add(k).pow(beta);
        return x.div(divisor);
    }

    /**
     * Checks the settings of {@link #localResponseNorm}.
     *
     * @throws IllegalArgumentException naming the first setting out of range
     */
    public static void checkResponseNormSettings(int size, double alpha, double beta, double k) {
        if (size < 1) {
            throw new IllegalArgumentException("localResponseNorm: size must be at least 1, got " + size);
        }
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("localResponseNorm: alpha must be finite and at least 0, got " + alpha);
        }
        if (!Double.isFinite(beta)) {
            throw new IllegalArgumentException("localResponseNorm: beta must be finite, got " + beta);
        }
        if (!(k > 0) || Double.isInfinite(k)) {
            throw new IllegalArgumentException("localResponseNorm: k must be finite and greater than 0, got " + k
                    + "; with k > 0 and alpha >= 0 the base of the power stays positive");
        }
    }

    /** Returns A with A[c, c'] = 1 when channel c' lies in the window of channel c, else 0. */
    private static Tensor windowMatrix(int channels, int size, DataType dataType) {
        double[] values = new double[channels * channels];
        int before = size / 2;
        int after = (size - 1) / 2;
        for (int c = 0; c < channels; c++) {
            int first = Math.max(0, c - before);
            int last = Math.min(channels - 1, c + after);
            for (int neighbour = first; neighbour <= last; neighbour++) {
                values[c * channels + neighbour] = 1;
            }
        }
        return Tensor.of(values, channels, channels).toType(dataType);
    }

    private static void requireChannels(String op, Tensor x) {
        if (x.rank() < 2 || !x.dataType().isFloatingPoint()) {
            throw new IllegalArgumentException(op + ": x must be a float32 or float64 tensor [N, C, ...] "
                    + "of rank at least 2, got " + x.dataType() + " " + x.shape());
        }
    }

    private static Tensor perChannel(String name, Tensor values, Tensor x, int[] channelShape) {
        if (values.rank() != 1 || values.dim(0) != x.dim(1)) {
            throw new IllegalArgumentException("batchNorm: " + name + " must have shape [" + x.dim(1)
                    + "], one value per channel of x " + x.shape() + ", got " + values.shape());
        }
        if (values.dataType() != x.dataType()) {
            throw new IllegalArgumentException("batchNorm: " + name + " is " + values.dataType() + " but x is "
                    + x.dataType() + "; convert one with toType");
        }
        return values.reshape(channelShape);
    }

    /** Returns {@code [1, C, 1, ...]} of the given rank, so a [C] tensor broadcasts along axis 1. */
    private static int[] channelShape(int rank, int channels) {
        int[] shape = new int[rank];
        Arrays.fill(shape, 1);
        shape[1] = channels;
        return shape;
    }

    private static int[] axesExceptChannels(int rank) {
        int[] axes = new int[rank - 1];
        axes[0] = 0;
        for (int axis = 2; axis < rank; axis++) {
            axes[axis - 1] = axis;
        }
        return axes;
    }
}
