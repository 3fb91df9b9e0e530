package org.cortexj.backend.cpu.conv;

import org.cortexj.backend.ConvGeometry;
import org.cortexj.backend.Window2d;

/**
 * Direct-loop 2-D convolution in double precision, the oracle for the im2col path. It indexes
 * every tensor by its NCHW coordinates and shares no code with the kernels under test.
 */
final class ConvOracle {

    final int batch;
    final int channels;
    final int height;
    final int width;
    final int outChannels;
    final Window2d window;
    final int outputHeight;
    final int outputWidth;

    /** Output sizes come from the floor formula, written out here independently of the kernels. */
    ConvOracle(int batch, int channels, int height, int width, int outChannels, Window2d window) {
        this.batch = batch;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.outChannels = outChannels;
        this.window = window;
        this.outputHeight = (height + 2 * window.paddingHeight()
                - window.dilationHeight() * (window.kernelHeight() - 1) - 1) / window.strideHeight() + 1;
        this.outputWidth = (width + 2 * window.paddingWidth()
                - window.dilationWidth() * (window.kernelWidth() - 1) - 1) / window.strideWidth() + 1;
    }

    ConvGeometry geometry() {
        return new ConvGeometry(batch, channels, height, width, window);
    }

    int inputSize() {
        return batch * channels * height * width;
    }

    int weightSize() {
        return outChannels * channels * window.kernelHeight() * window.kernelWidth();
    }

    int outputSize() {
        return batch * outChannels * outputHeight * outputWidth;
    }

    /** Returns y = conv(x, weight) + bias, with {@code bias} null for none. */
    double[] forward(double[] x, double[] weight, double[] bias) {
        double[] y = new double[outputSize()];
        for (int n = 0; n < batch; n++) {
            for (int co = 0; co < outChannels; co++) {
                for (int oh = 0; oh < outputHeight; oh++) {
                    for (int ow = 0; ow < outputWidth; ow++) {
                        double sum = bias == null ? 0 : bias[co];
                        for (int c = 0; c < channels; c++) {
                            for (int i = 0; i < window.kernelHeight(); i++) {
                                for (int j = 0; j < window.kernelWidth(); j++) {
                                    int ih = inputRow(oh, i);
                                    int iw = inputColumn(ow, j);
                                    if (isInside(ih, iw)) {
                                        sum += weight[weightIndex(co, c, i, j)] * x[inputIndex(n, c, ih, iw)];
                                    }
                                }
                            }
                        }
                        y[outputIndex(n, co, oh, ow)] = sum;
                    }
                }
            }
        }
        return y;
    }

    /** Returns dL/dx for L = sum(y * dy). */
    double[] inputGradient(double[] weight, double[] dy) {
        double[] dx = new double[inputSize()];
        forEachTap((n, co, oh, ow, c, i, j, ih, iw) ->
                dx[inputIndex(n, c, ih, iw)] += weight[weightIndex(co, c, i, j)] * dy[outputIndex(n, co, oh, ow)]);
        return dx;
    }

    /** Returns dL/dweight for L = sum(y * dy). */
    double[] weightGradient(double[] x, double[] dy) {
        double[] dWeight = new double[weightSize()];
        forEachTap((n, co, oh, ow, c, i, j, ih, iw) ->
                dWeight[weightIndex(co, c, i, j)] += x[inputIndex(n, c, ih, iw)] * dy[outputIndex(n, co, oh, ow)]);
        return dWeight;
    }

    /** Returns dL/dbias for L = sum(y * dy). */
    double[] biasGradient(double[] dy) {
        double[] dBias = new double[outChannels];
        for (int n = 0; n < batch; n++) {
            for (int co = 0; co < outChannels; co++) {
                for (int p = 0; p < outputHeight * outputWidth; p++) {
                    dBias[co] += dy[(n * outChannels + co) * outputHeight * outputWidth + p];
                }
            }
        }
        return dBias;
    }

    /** Visitor of one (output, tap) pair whose input cell lies inside the input. */
    interface TapVisitor {
        void visit(int n, int co, int oh, int ow, int c, int i, int j, int ih, int iw);
    }

    void forEachTap(TapVisitor visitor) {
        for (int n = 0; n < batch; n++) {
            for (int co = 0; co < outChannels; co++) {
                for (int oh = 0; oh < outputHeight; oh++) {
                    for (int ow = 0; ow < outputWidth; ow++) {
                        for (int c = 0; c < channels; c++) {
                            for (int i = 0; i < window.kernelHeight(); i++) {
                                for (int j = 0; j < window.kernelWidth(); j++) {
                                    int ih = inputRow(oh, i);
                                    int iw = inputColumn(ow, j);
                                    if (isInside(ih, iw)) {
                                        visitor.visit(n, co, oh, ow, c, i, j, ih, iw);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    int inputRow(int oh, int i) {
        return oh * window.strideHeight() - window.paddingHeight() + i * window.dilationHeight();
    }

    int inputColumn(int ow, int j) {
        return ow * window.strideWidth() - window.paddingWidth() + j * window.dilationWidth();
    }

    boolean isInside(int ih, int iw) {
        return ih >= 0 && ih < height && iw >= 0 && iw < width;
    }

    int inputIndex(int n, int c, int h, int w) {
        return ((n * channels + c) * height + h) * width + w;
    }

    int weightIndex(int co, int c, int i, int j) {
        return ((co * channels + c) * window.kernelHeight() + i) * window.kernelWidth() + j;
    }

    int outputIndex(int n, int co, int oh, int ow) {
        return ((n * outChannels + co) * outputHeight + oh) * outputWidth + ow;
    }

    @Override
    public String toString() {
        return "conv N" + batch + " C" + channels + " " + height + "x" + width + " Cout" + outChannels
                + " " + window;
    }
}
