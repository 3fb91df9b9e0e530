package org.cortexj.nn.functional;

import org.cortexj.backend.Backend;
import org.cortexj.backend.Buffer;
import org.cortexj.backend.ConvGeometry;
import org.cortexj.backend.DataType;
import org.cortexj.backend.Window2d;
import org.cortexj.tensor.Tensor;

/**
 * 2-D convolution with its gradients, computed by the backend as im2col followed by one matrix
 * product over the whole batch.
 *
 * <p>The operation is a cross-correlation, as in PyTorch's {@code conv2d} (the kernel is not
 * flipped), with zero padding and one group:
 * <pre>
 * y[n, co, oh, ow] = bias[co] + Σ_{c, i, j} weight[co, c, i, j] · x[n, c, oh·sh − ph + i·dh, ow·sw − pw + j·dw]
 * </pre>
 * where positions outside the input count as 0. Output size per axis:
 * {@code floor((size + 2·padding − dilation·(kernel − 1) − 1) / stride) + 1}.
 *
 * <p>Shapes: x {@code [N, C, H, W]} (or {@code [C, H, W]} for one image), weight
 * {@code [outChannels, C, kernelHeight, kernelWidth]}, bias {@code [outChannels]} or null,
 * output {@code [N, outChannels, outputHeight, outputWidth]}. All three have the same data type.
 */
public final class Convolution {

    private static final String OP = "conv2d";

    private Convolution() {
    }

    /**
     * Convolves with the same stride, padding and dilation on both axes.
     *
     * @param stride step between output positions, in input cells, at least 1
     * @param padding zero cells added on each side of both axes, at least 0
     * @param dilation distance between kernel taps, in input cells, at least 1 (1 = dense)
     * @see #conv2d(Tensor, Tensor, Tensor, int[], int[], int[])
     */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, int stride, int padding, int dilation) {
        return conv2d(x, weight, bias, new int[] {stride}, new int[] {padding}, new int[] {dilation});
    }

    /**
     * Convolves {@code x} with {@code weight} and adds {@code bias}, recording the gradient for
     * x, weight and bias.
     *
     * @param x input {@code [N, C, H, W]} or {@code [C, H, W]}
     * @param weight filters {@code [outChannels, C, kernelHeight, kernelWidth]}
     * @param bias {@code [outChannels]}, or null for no bias
     * @param stride one value for both axes or {@code {height, width}}, each at least 1
     * @param padding one value or {@code {height, width}}, each at least 0
     * @param dilation one value or {@code {height, width}}, each at least 1
     * @return {@code [N, outChannels, outputHeight, outputWidth]}, without the batch axis when x has none
     * @throws IllegalArgumentException if a shape, data type or setting does not fit, for example
     *     a dilated kernel larger than the padded input
     */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, int[] stride, int[] padding,
            int[] dilation) {
        if (x.rank() == 3) {
            return conv2d(x.unsqueeze(0), weight, bias, stride, padding, dilation).squeeze(0);
        }
        checkTensors(x, weight, bias);
        int[] kernel = {weight.dim(2), weight.dim(3)};
        Window2d window = WindowArguments.window(OP, kernel, WindowArguments.pair(OP, "stride", stride),
                WindowArguments.pair(OP, "padding", padding), WindowArguments.pair(OP, "dilation", dilation));
        ConvGeometry geometry = new ConvGeometry(x.dim(0), x.dim(1), x.dim(2), x.dim(3), window);
        return new ConvolutionPass(x, weight, bias, geometry).forward();
    }

    private static void checkTensors(Tensor x, Tensor weight, Tensor bias) {
        WindowArguments.requireFloatRank(OP, "x", x, 4, "[N, C, H, W] (or 3 for [C, H, W])");
        WindowArguments.requireFloatRank(OP, "weight", weight, 4,
                "[outChannels, inChannels, kernelHeight, kernelWidth]");
        WindowArguments.requireSameType(OP, x, "weight", weight);
        if (weight.dim(1) != x.dim(1)) {
            throw new IllegalArgumentException(OP + ": x has " + x.dim(1) + " channels but weight "
                    + weight.shape() + " expects " + weight.dim(1) + "; x must be [N, C, H, W] with C = weight.dim(1)");
        }
        if (bias == null) {
            return;
        }
        WindowArguments.requireFloatRank(OP, "bias", bias, 1, "[outChannels]");
        WindowArguments.requireSameType(OP, x, "bias", bias);
        if (bias.dim(0) != weight.dim(0)) {
            throw new IllegalArgumentException(OP + ": bias has shape " + bias.shape() + " but weight "
                    + weight.shape() + " has " + weight.dim(0) + " output channels; bias must be [outChannels]");
        }
    }

    /** One forward call and the state its backward rule reads. */
    private static final class ConvolutionPass {

        private final Tensor x;
        private final Tensor weight;
        private final Tensor bias;
        private final ConvGeometry geometry;
        private final Backend backend;
        private final DataType dataType;
        private final int outChannels;
        private final Buffer weightBuffer;
        private final int weightVersion;
        private Buffer col;

        ConvolutionPass(Tensor x, Tensor weight, Tensor bias, ConvGeometry geometry) {
            this.x = x;
            this.weight = weight;
            this.bias = bias;
            this.geometry = geometry;
            this.backend = x.backend();
            this.dataType = x.dataType();
            this.outChannels = weight.dim(0);
            this.weightBuffer = KernelBuffers.exact(weight);
            this.weightVersion = weightBuffer.version();
        }

        Tensor forward() {
            col = backend.allocate(dataType, geometry.columnSize());
            backend.im2col(KernelBuffers.exact(x), geometry, col);

            Buffer rows = backend.allocate(dataType, geometry.outputSize(outChannels));
            if (hasProduct()) {
                int columns = geometry.columnCols();
                backend.gemm(false, false, outChannels, columns, geometry.columnRows(), 1.0,
                        weightBuffer, 0, geometry.columnRows(), col, 0, columns, 0.0, rows, 0, columns);
            }
            Tensor y = KernelBuffers.zeros(backend, dataType, x.dim(0), outChannels,
                    geometry.outputHeight(), geometry.outputWidth());
            Buffer biasBuffer = bias == null ? null : KernelBuffers.exact(bias);
            backend.convRowsToNchw(rows, biasBuffer, geometry, outChannels, y.buffer());

            if (!weight.requiresGrad()) {
                col = null; // only the weight gradient reads the columns
            }
            Tensor[] inputs = bias == null ? new Tensor[] {x, weight} : new Tensor[] {x, weight, bias};
            return y.recordOperation(OP, this::backward, inputs);
        }

        /** Returns whether the GEMM has work, which an empty batch, filter bank or column matrix has not. */
        private boolean hasProduct() {
            return outChannels > 0 && geometry.columnCols() > 0 && geometry.columnRows() > 0;
        }

        private Tensor[] backward(Tensor dy) {
            Buffer dyBuffer = KernelBuffers.exact(dy);
            Buffer dyRows = backend.allocate(dataType, geometry.outputSize(outChannels));
            backend.nchwToConvRows(dyBuffer, geometry, outChannels, dyRows);

            Tensor[] gradients = new Tensor[bias == null ? 2 : 3];
            gradients[0] = x.requiresGrad() ? inputGradient(dyRows) : null;
            gradients[1] = weight.requiresGrad() ? weightGradient(dyRows) : null;
            if (bias != null && bias.requiresGrad()) {
                Tensor dBias = KernelBuffers.zeros(backend, dataType, outChannels);
                backend.convBiasGradient(dyBuffer, geometry, outChannels, dBias.buffer());
                gradients[2] = dBias;
            }
            return gradients;
        }

        /** {@code dcol = Wᵀ · dY}, folded back into the input shape by col2im. */
        private Tensor inputGradient(Buffer dyRows) {
            requireUnchangedWeight();
            Tensor dx = KernelBuffers.zeros(backend, dataType, x.shape().dims());
            if (!hasProduct()) {
                return dx;
            }
            int columns = geometry.columnCols();
            Buffer dcol = backend.allocate(dataType, geometry.columnSize());
            backend.gemm(true, false, geometry.columnRows(), columns, outChannels, 1.0,
                    weightBuffer, 0, geometry.columnRows(), dyRows, 0, columns, 0.0, dcol, 0, columns);
            backend.col2im(dcol, geometry, dx.buffer());
            return dx;
        }

        /** {@code dW = dY · colᵀ}, which sums over the batch inside the product. */
        private Tensor weightGradient(Buffer dyRows) {
            Tensor dWeight = KernelBuffers.zeros(backend, dataType, weight.shape().dims());
            if (!hasProduct()) {
                return dWeight;
            }
            int columns = geometry.columnCols();
            backend.gemm(false, true, outChannels, geometry.columnRows(), columns, 1.0,
                    dyRows, 0, columns, col, 0, columns, 0.0, dWeight.buffer(), 0, geometry.columnRows());
            return dWeight;
        }

        private void requireUnchangedWeight() {
            if (weightBuffer.version() != weightVersion) {
                throw new IllegalStateException(OP + ": the weight " + weight.shape() + " was modified in "
                        + "place after the forward pass, so the input gradient would be wrong; run backward "
                        + "before updating the weight");
            }
        }
    }
}
