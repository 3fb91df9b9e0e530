package org.cortexj.nn.functional;

import static org.cortexj.nn.functional.RandomTensors.randomNormal;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cortexj.backend.DataType;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConvolutionTest {

    /**
     * Direct loop over the definition: y[n, co, oh, ow] = bias[co] + Σ w[co, c, i, j] ·
     * x[n, c, oh·sh − ph + i·dh, ow·sw − pw + j·dw], zero outside the input.
     */
    private static double[] naiveConv(Tensor xTensor, Tensor wTensor, Tensor bTensor, int[] stride, int[] padding,
            int[] dilation, int outH, int outW) {
        double[] x = xTensor.toDoubleArray();
        double[] w = wTensor.toDoubleArray();
        double[] b = bTensor == null ? null : bTensor.toDoubleArray();
        int n = xTensor.dim(0);
        int c = xTensor.dim(1);
        int h = xTensor.dim(2);
        int width = xTensor.dim(3);
        int co = wTensor.dim(0);
        int kh = wTensor.dim(2);
        int kw = wTensor.dim(3);
        double[] y = new double[n * co * outH * outW];
        for (int image = 0; image < n; image++) {
            for (int filter = 0; filter < co; filter++) {
                for (int oh = 0; oh < outH; oh++) {
                    for (int ow = 0; ow < outW; ow++) {
                        double sum = b == null ? 0 : b[filter];
                        for (int channel = 0; channel < c; channel++) {
                            for (int i = 0; i < kh; i++) {
                                for (int j = 0; j < kw; j++) {
                                    int ih = oh * stride[0] - padding[0] + i * dilation[0];
                                    int iw = ow * stride[1] - padding[1] + j * dilation[1];
                                    if (ih < 0 || ih >= h || iw < 0 || iw >= width) {
                                        continue;
                                    }
                                    sum += w[((filter * c + channel) * kh + i) * kw + j]
                                            * x[((image * c + channel) * h + ih) * width + iw];
                                }
                            }
                        }
                        y[((image * co + filter) * outH + oh) * outW + ow] = sum;
                    }
                }
            }
        }
        return y;
    }

    @ParameterizedTest(name = "stride {0}x{1} padding {2}x{3} dilation {4}x{5}")
    @CsvSource({
        "1, 1, 0, 0, 1, 1",
        "2, 1, 1, 0, 1, 1",
        "1, 2, 0, 2, 2, 1",
        "2, 3, 1, 2, 2, 3",
        "3, 3, 2, 2, 1, 2"
    })
    void conv2dMatchesNaiveLoop(int sh, int sw, int ph, int pw, int dh, int dw) {
        int[] stride = {sh, sw};
        int[] padding = {ph, pw};
        int[] dilation = {dh, dw};
        Tensor x = randomNormal(1, 2, 3, 9, 11);
        Tensor weight = randomNormal(2, 4, 3, 3, 2);
        Tensor bias = randomNormal(3, 4);
        int outH = (9 + 2 * ph - dh * 2 - 1) / sh + 1;
        int outW = (11 + 2 * pw - dw * 1 - 1) / sw + 1;

        Tensor y = Convolution.conv2d(x, weight, bias, stride, padding, dilation);

        assertArrayEquals(new int[] {2, 4, outH, outW}, y.shape().dims());
        double[] expected = naiveConv(x, weight, bias, stride, padding, dilation, outH, outW);
        assertArrayEquals(expected, y.toDoubleArray(), 1e-12);
    }

    @Test
    void float32ConvMatchesDoubleLoop() {
        Tensor x = randomNormal(4, 3, 2, 8, 7);
        Tensor weight = randomNormal(5, 3, 2, 3, 3);
        Tensor y = Convolution.conv2d(x.toType(DataType.FLOAT32), weight.toType(DataType.FLOAT32), null,
                2, 1, 1);

        assertEquals(DataType.FLOAT32, y.dataType());
        double[] expected = naiveConv(x.toType(DataType.FLOAT32), weight.toType(DataType.FLOAT32), null,
                new int[] {2, 2}, new int[] {1, 1}, new int[] {1, 1}, 4, 4);
        assertArrayEquals(expected, y.toDoubleArray(), 1e-4);
    }

    @Test
    void conv2dAcceptsOneImageWithoutBatch() {
        Tensor x = randomNormal(6, 2, 5, 5);
        Tensor weight = randomNormal(7, 3, 2, 3, 3);
        Tensor batched = Convolution.conv2d(x.unsqueeze(0), weight, null, 1, 1, 1);

        Tensor single = Convolution.conv2d(x, weight, null, 1, 1, 1);

        assertArrayEquals(new int[] {3, 5, 5}, single.shape().dims());
        assertArrayEquals(batched.toDoubleArray(), single.toDoubleArray(), 0);
    }

    @Test
    void conv2dReadsStridedViews() {
        Tensor x = randomNormal(8, 3, 2, 6, 5);
        Tensor weight = randomNormal(9, 2, 2, 3, 3);
        Tensor view = x.permute(0, 1, 3, 2).narrow(0, 1, 2);
        Tensor copy = view.contiguous().copy();

        Tensor fromView = Convolution.conv2d(view, weight, null, 1, 0, 1);
        Tensor fromCopy = Convolution.conv2d(copy, weight, null, 1, 0, 1);

        assertArrayEquals(fromCopy.toDoubleArray(), fromView.toDoubleArray(), 0);
    }

    @Test
    void emptyBatchGivesEmptyOutputAndGradients() {
        Tensor x = Tensor.zeros(DataType.FLOAT64, 0, 2, 5, 5).setRequiresGrad(true);
        Tensor weight = randomNormal(10, 3, 2, 3, 3).setRequiresGrad(true);
        Tensor bias = randomNormal(11, 3).setRequiresGrad(true);

        Tensor y = Convolution.conv2d(x, weight, bias, 1, 0, 1);
        y.backward(Tensor.zeros(DataType.FLOAT64, 0, 3, 3, 3));

        assertArrayEquals(new int[] {0, 3, 3, 3}, y.shape().dims());
        assertArrayEquals(new double[18 * 3], weight.grad().toDoubleArray(), 0);
        assertArrayEquals(new double[3], bias.grad().toDoubleArray(), 0);
    }

    @Test
    void conv2dRejectsChannelMismatch() {
        Tensor x = Tensor.zeros(DataType.FLOAT64, 1, 3, 5, 5);
        Tensor weight = Tensor.zeros(DataType.FLOAT64, 2, 4, 3, 3);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Convolution.conv2d(x, weight, null, 1, 0, 1));

        assertEquals("conv2d: x has 3 channels but weight [2, 4, 3, 3] expects 4; x must be [N, C, H, W] "
                + "with C = weight.dim(1)", error.getMessage());
    }

    @Test
    void conv2dRejectsMixedDataTypes() {
        Tensor x = Tensor.zeros(DataType.FLOAT32, 1, 1, 5, 5);
        Tensor weight = Tensor.zeros(DataType.FLOAT64, 1, 1, 3, 3);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Convolution.conv2d(x, weight, null, 1, 0, 1));

        assertEquals("conv2d: weight is float64 but x is float32; convert one with toType", error.getMessage());
    }

    @Test
    void conv2dRejectsKernelLargerThanInput() {
        Tensor x = Tensor.zeros(DataType.FLOAT64, 1, 1, 2, 5);
        Tensor weight = Tensor.zeros(DataType.FLOAT64, 1, 1, 3, 3);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Convolution.conv2d(x, weight, null, 1, 0, 1));

        assertEquals("conv2d: kernelHeight 3 is larger than the padded input height 2 (height 2 + 2 * "
                + "paddingHeight 0); use a smaller kernel or more padding", error.getMessage());
    }

    @Test
    void conv2dRejectsZeroStride() {
        Tensor x = Tensor.zeros(DataType.FLOAT64, 1, 1, 5, 5);
        Tensor weight = Tensor.zeros(DataType.FLOAT64, 1, 1, 3, 3);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Convolution.conv2d(x, weight, null, new int[] {1, 0}, new int[] {0}, new int[] {1}));

        assertEquals("conv2d: stride must be at least 1 on both axes, got [1, 0]", error.getMessage());
    }

    @Test
    void inputGradientFailsAfterWeightChanges() {
        Tensor x = randomNormal(12, 1, 1, 4, 4).setRequiresGrad(true);
        Tensor weight = randomNormal(13, 1, 1, 3, 3).setRequiresGrad(true);
        Tensor y = Convolution.conv2d(x, weight, null, 1, 0, 1);

        weight.detach().addInPlace(1.0);

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> y.backward(y.onesLike()));
        assertEquals("backward: input 1 of 'conv2d', shape [1, 1, 3, 3], was written in place after the operation"
                + " read it (buffer version 0, now 1), so its gradient would use the new values; write into a copy"
                + " instead, or make the write after backward()", error.getMessage());
    }
}
