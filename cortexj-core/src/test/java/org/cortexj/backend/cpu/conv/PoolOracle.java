package org.cortexj.backend.cpu.conv;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cortexj.backend.PoolGeometry;
import org.cortexj.backend.Window2d;

/**
 * Direct-loop max and average pooling in double precision, the oracle for the pooling kernels.
 * It visits every kernel tap of every window and classifies the cell it lands on, without the
 * window bounds arithmetic of the kernels.
 */
final class PoolOracle {

    final int batch;
    final int channels;
    final int height;
    final int width;
    final Window2d window;
    final boolean ceilMode;
    final int outputHeight;
    final int outputWidth;

    PoolOracle(int batch, int channels, int height, int width, Window2d window, boolean ceilMode) {
        this.batch = batch;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.window = window;
        this.ceilMode = ceilMode;
        this.outputHeight = outputSize(height, window.kernelHeight(), window.strideHeight(),
                window.paddingHeight(), window.dilationHeight(), ceilMode);
        this.outputWidth = outputSize(width, window.kernelWidth(), window.strideWidth(),
                window.paddingWidth(), window.dilationWidth(), ceilMode);
    }

    /** Returns the pooling geometries of the tests. Those with dilation above 1 suit max pooling only. */
    static Stream<PoolOracle> cases() {
        return Stream.of(
                new PoolOracle(2, 3, 6, 8, Window2d.square(2, 2, 0, 1), false),
                new PoolOracle(2, 2, 7, 9, Window2d.square(2, 2, 0, 1), false),
                new PoolOracle(2, 2, 7, 9, Window2d.square(2, 2, 0, 1), true),
                new PoolOracle(2, 2, 7, 9, Window2d.square(3, 2, 1, 1), false),
                new PoolOracle(2, 2, 7, 9, Window2d.square(3, 2, 1, 1), true),
                new PoolOracle(2, 1, 6, 6, Window2d.square(3, 2, 1, 1), true),
                new PoolOracle(1, 2, 5, 6, Window2d.square(3, 1, 1, 1), false),
                new PoolOracle(3, 2, 5, 5, Window2d.square(2, 2, 1, 1), true),
                new PoolOracle(2, 2, 4, 4, Window2d.square(3, 2, 1, 1), true),
                new PoolOracle(2, 2, 7, 9, new Window2d(3, 2, 2, 1, 1, 1, 1, 1), true),
                new PoolOracle(2, 2, 10, 10, Window2d.square(4, 3, 2, 1), true),
                new PoolOracle(2, 2, 10, 11, Window2d.square(4, 3, 1, 1), true),
                new PoolOracle(1, 1, 1, 1, Window2d.square(1), false),
                new PoolOracle(2, 3, 9, 8, Window2d.square(1, 2, 0, 1), true),
                new PoolOracle(2, 2, 8, 7, Window2d.square(5, 1, 2, 1), false),
                new PoolOracle(2, 2, 9, 9, Window2d.square(3, 2, 1, 2), true),
                new PoolOracle(2, 1, 7, 8, new Window2d(3, 2, 2, 1, 1, 1, 2, 3), false),
                new PoolOracle(1, 1, 2, 2, Window2d.square(2, 1, 1, 3), false));
    }

    /** Cases with dilation 1, valid for average pooling. */
    static Stream<PoolOracle> denseCases() {
        return cases().filter(pool -> pool.window.dilationHeight() == 1 && pool.window.dilationWidth() == 1);
    }

    PoolGeometry geometry() {
        return new PoolGeometry(batch, channels, height, width, window, ceilMode);
    }

    int inputSize() {
        return batch * channels * height * width;
    }

    int outputSize() {
        return batch * channels * outputHeight * outputWidth;
    }

    /** Max pooling result: values and plane-local indices. */
    record MaxResult(double[] values, int[] indices) {
    }

    /**
     * Returns the max of every window. A NaN wins, and among several NaNs the last one wins,
     * because PyTorch's CPU kernel replaces on every NaN. Otherwise the first cell with the
     * largest value wins. A window with no input cell gives negative infinity and index -1.
     */
    MaxResult maxPool(double[] x) {
        double[] values = new double[outputSize()];
        int[] indices = new int[outputSize()];
        for (int plane = 0; plane < batch * channels; plane++) {
            for (int oh = 0; oh < outputHeight; oh++) {
                for (int ow = 0; ow < outputWidth; ow++) {
                    int out = (plane * outputHeight + oh) * outputWidth + ow;
                    int winner = maxWinner(x, plane, oh, ow);
                    indices[out] = winner;
                    values[out] = winner < 0 ? Double.NEGATIVE_INFINITY : x[plane * height * width + winner];
                }
            }
        }
        return new MaxResult(values, indices);
    }

    private int maxWinner(double[] x, int plane, int oh, int ow) {
        int lastNan = -1;
        int first = -1;
        double largest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < window.kernelHeight(); i++) {
            for (int j = 0; j < window.kernelWidth(); j++) {
                int ih = oh * window.strideHeight() - window.paddingHeight() + i * window.dilationHeight();
                int iw = ow * window.strideWidth() - window.paddingWidth() + j * window.dilationWidth();
                if (ih < 0 || ih >= height || iw < 0 || iw >= width) {
                    continue;
                }
                int index = ih * width + iw;
                double value = x[plane * height * width + index];
                if (Double.isNaN(value)) {
                    lastNan = index;
                } else if (first < 0 || value > largest) {
                    first = index;
                    largest = value;
                }
            }
        }
        return lastNan >= 0 ? lastNan : first;
    }

    /** Returns dx with dy added at each output's winning index. */
    double[] maxPoolGradient(int[] indices, double[] dy) {
        double[] dx = new double[inputSize()];
        int planeOut = outputHeight * outputWidth;
        for (int out = 0; out < outputSize(); out++) {
            if (indices[out] >= 0) {
                dx[(out / planeOut) * height * width + indices[out]] += dy[out];
            }
        }
        return dx;
    }

    /** Returns the average of every window with PyTorch's divisor rule. */
    double[] avgPool(double[] x, boolean countIncludePad) {
        double[] y = new double[outputSize()];
        for (int plane = 0; plane < batch * channels; plane++) {
            for (int oh = 0; oh < outputHeight; oh++) {
                for (int ow = 0; ow < outputWidth; ow++) {
                    double sum = 0;
                    for (int[] cell : inputCells(oh, ow)) {
                        sum += x[(plane * height + cell[0]) * width + cell[1]];
                    }
                    y[(plane * outputHeight + oh) * outputWidth + ow] = sum / divisor(oh, ow, countIncludePad);
                }
            }
        }
        return y;
    }

    /** Returns dL/dx of average pooling for L = sum(y * dy). */
    double[] avgPoolGradient(double[] dy, boolean countIncludePad) {
        double[] dx = new double[inputSize()];
        for (int plane = 0; plane < batch * channels; plane++) {
            for (int oh = 0; oh < outputHeight; oh++) {
                for (int ow = 0; ow < outputWidth; ow++) {
                    double share = dy[(plane * outputHeight + oh) * outputWidth + ow] / divisor(oh, ow, countIncludePad);
                    for (int[] cell : inputCells(oh, ow)) {
                        dx[(plane * height + cell[0]) * width + cell[1]] += share;
                    }
                }
            }
        }
        return dx;
    }

    /** Counts the taps inside the padded input (include) or inside the input (exclude). */
    private int divisor(int oh, int ow, boolean countIncludePad) {
        int count = 0;
        for (int i = 0; i < window.kernelHeight(); i++) {
            for (int j = 0; j < window.kernelWidth(); j++) {
                int ih = oh * window.strideHeight() - window.paddingHeight() + i;
                int iw = ow * window.strideWidth() - window.paddingWidth() + j;
                boolean inPadded = ih >= -window.paddingHeight() && ih < height + window.paddingHeight()
                        && iw >= -window.paddingWidth() && iw < width + window.paddingWidth();
                boolean inInput = ih >= 0 && ih < height && iw >= 0 && iw < width;
                if (countIncludePad ? inPadded : inInput) {
                    count++;
                }
            }
        }
        return count;
    }

    private List<int[]> inputCells(int oh, int ow) {
        List<int[]> cells = new ArrayList<>();
        for (int i = 0; i < window.kernelHeight(); i++) {
            for (int j = 0; j < window.kernelWidth(); j++) {
                int ih = oh * window.strideHeight() - window.paddingHeight() + i;
                int iw = ow * window.strideWidth() - window.paddingWidth() + j;
                if (ih >= 0 && ih < height && iw >= 0 && iw < width) {
                    cells.add(new int[] {ih, iw});
                }
            }
        }
        return cells;
    }

    private static int outputSize(int size, int kernel, int stride, int padding, int dilation,
            boolean ceilMode) {
        double quotient = (size + 2.0 * padding - dilation * (kernel - 1) - 1) / stride;
        int output = (int) (ceilMode ? Math.ceil(quotient) : Math.floor(quotient)) + 1;
        if (ceilMode && (output - 1) * stride >= size + padding) {
            output--;
        }
        return output;
    }

    @Override
    public String toString() {
        return "pool N" + batch + " C" + channels + " " + height + "x" + width + " " + window
                + (ceilMode ? " ceil" : " floor");
    }
}
