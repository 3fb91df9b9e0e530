package org.cortexj.backend.cpu.conv;

import org.cortexj.backend.ConvGeometry;

/**
 * Reorders between the GEMM layout of convolution outputs, {@code [outChannels, N * P]}, and NCHW
 * {@code [N, outChannels, P]} with {@code P = outputHeight * outputWidth}, and sums the bias
 * gradient. {@link Im2col} explains why the GEMM works in the first layout.
 *
 * <p>Both layouts store runs of {@code P} contiguous elements, so each reorder is
 * {@code N * outChannels} block copies.
 */
public final class ConvOutputs {

    private ConvOutputs() {
    }

    /**
     * Copies the GEMM result {@code rows} ({@code [outChannels, N * P]}) into NCHW {@code y}
     * ({@code [N, outChannels, P]}) and adds {@code bias[co]} to channel {@code co}.
     *
     * @param rows GEMM output, length at least {@code outChannels * N * P}
     * @param bias one value per output channel, or {@code null} for no bias
     * @param geometry shapes of the convolution
     * @param outChannels number of filters, at least 0
     * @param y output, overwritten, length exactly {@link ConvGeometry#outputSize(int)}
     * @throws IllegalArgumentException if an array length does not match
     */
    public static void rowsToNchw(float[] rows, float[] bias, ConvGeometry geometry, int outChannels,
            float[] y) {
        Blocks blocks = Blocks.of("rowsToNchw", geometry, outChannels, rows.length, y.length);
        blocks.checkChannels("bias", bias == null ? -1 : bias.length);
        for (int n = 0; n < blocks.batch; n++) {
            for (int co = 0; co < outChannels; co++) {
                int src = blocks.rowsIndex(n, co);
                int dst = blocks.nchwIndex(n, co);
                if (bias == null) {
                    System.arraycopy(rows, src, y, dst, blocks.planeSize);
                    continue;
                }
                float shift = bias[co];
                for (int p = 0; p < blocks.planeSize; p++) {
                    y[dst + p] = rows[src + p] + shift;
                }
            }
        }
    }

    /** Double-precision form of {@link #rowsToNchw(float[], float[], ConvGeometry, int, float[])}. */
    public static void rowsToNchw(double[] rows, double[] bias, ConvGeometry geometry,
            int outChannels, double[] y) {
        Blocks blocks = Blocks.of("rowsToNchw", geometry, outChannels, rows.length, y.length);
        blocks.checkChannels("bias", bias == null ? -1 : bias.length);
        for (int n = 0; n < blocks.batch; n++) {
            for (int co = 0; co < outChannels; co++) {
                int src = blocks.rowsIndex(n, co);
                int dst = blocks.nchwIndex(n, co);
                if (bias == null) {
                    System.arraycopy(rows, src, y, dst, blocks.planeSize);
                    continue;
                }
                double shift = bias[co];
                for (int p = 0; p < blocks.planeSize; p++) {
                    y[dst + p] = rows[src + p] + shift;
                }
            }
        }
    }

    /**
     * Copies the NCHW output gradient {@code dy} ({@code [N, outChannels, P]}) into {@code rows}
     * ({@code [outChannels, N * P]}), the left operand of {@code dW += dY · colᵀ} and the right
     * operand of {@code dcol = Wᵀ · dY}.
     *
     * @param dy output gradient, length exactly {@link ConvGeometry#outputSize(int)}
     * @param rows destination, overwritten, length at least {@code outChannels * N * P}
     * @throws IllegalArgumentException if an array length does not match
     */
    public static void nchwToRows(float[] dy, ConvGeometry geometry, int outChannels, float[] rows) {
        Blocks blocks = Blocks.of("nchwToRows", geometry, outChannels, rows.length, dy.length);
        for (int n = 0; n < blocks.batch; n++) {
            for (int co = 0; co < outChannels; co++) {
                System.arraycopy(dy, blocks.nchwIndex(n, co), rows, blocks.rowsIndex(n, co),
                        blocks.planeSize);
            }
        }
    }

    /** Double-precision form of {@link #nchwToRows(float[], ConvGeometry, int, float[])}. */
    public static void nchwToRows(double[] dy, ConvGeometry geometry, int outChannels, double[] rows) {
        Blocks blocks = Blocks.of("nchwToRows", geometry, outChannels, rows.length, dy.length);
        for (int n = 0; n < blocks.batch; n++) {
            for (int co = 0; co < outChannels; co++) {
                System.arraycopy(dy, blocks.nchwIndex(n, co), rows, blocks.rowsIndex(n, co),
                        blocks.planeSize);
            }
        }
    }

    /**
     * Adds the bias gradient, the sum of {@code dy} over images and output positions, into
     * {@code dBias}. Each channel is summed in a {@code double} in order of image, then position,
     * and the sum is rounded to {@code float} once before it is added.
     *
     * @param dy output gradient {@code [N, outChannels, P]}, length exactly {@link ConvGeometry#outputSize(int)}
     * @param dBias accumulator, one value per output channel
     * @throws IllegalArgumentException if an array length does not match
     */
    public static void biasGradient(float[] dy, ConvGeometry geometry, int outChannels, float[] dBias) {
        Blocks blocks = Blocks.of("biasGradient", geometry, outChannels, -1, dy.length);
        blocks.checkChannels("dBias", dBias.length);
        for (int co = 0; co < outChannels; co++) {
            double sum = 0;
            for (int n = 0; n < blocks.batch; n++) {
                int start = blocks.nchwIndex(n, co);
                for (int p = 0; p < blocks.planeSize; p++) {
                    sum += dy[start + p];
                }
            }
            dBias[co] += (float) sum;
        }
    }

    /** Double-precision form of {@link #biasGradient(float[], ConvGeometry, int, float[])}. */
    public static void biasGradient(double[] dy, ConvGeometry geometry, int outChannels,
            double[] dBias) {
        Blocks blocks = Blocks.of("biasGradient", geometry, outChannels, -1, dy.length);
        blocks.checkChannels("dBias", dBias.length);
        for (int co = 0; co < outChannels; co++) {
            double sum = 0;
            for (int n = 0; n < blocks.batch; n++) {
                int start = blocks.nchwIndex(n, co);
                for (int p = 0; p < blocks.planeSize; p++) {
                    sum += dy[start + p];
                }
            }
            dBias[co] += sum;
        }
    }

    /** Block offsets of one reorder, with the length checks of its arrays. */
    private static final class Blocks {
        final String op;
        final int batch;
        final int outChannels;
        final int planeSize;

        private Blocks(String op, ConvGeometry geometry, int outChannels) {
            this.op = op;
            this.batch = geometry.batch();
            this.outChannels = outChannels;
            this.planeSize = geometry.outputPlaneSize();
        }

        /** Checks the lengths. A length of -1 means that the array is not used. */
        static Blocks of(String op, ConvGeometry geometry, int outChannels, int rowsLength,
                int nchwLength) {
            int size = geometry.outputSize(outChannels);
            if (rowsLength >= 0) {
                ArrayChecks.requireMinimumLength(op, "rows", rowsLength, size, geometry);
            }
            ArrayChecks.requireLength(op, "the NCHW array", nchwLength, size, geometry);
            return new Blocks(op, geometry, outChannels);
        }

        /** Checks a per-channel array. A length of -1 means that it is absent. */
        void checkChannels(String name, int length) {
            if (length >= 0) {
                ArrayChecks.requireLength(op, name, length, outChannels,
                        "outChannels " + outChannels);
            }
        }

        int rowsIndex(int n, int co) {
            return (co * batch + n) * planeSize;
        }

        int nchwIndex(int n, int co) {
            return (n * outChannels + co) * planeSize;
        }
    }
}
