package org.cortexj.backend.cpu.gemm;

import java.util.Arrays;
import java.util.Random;

/**
 * Measures whether OpenBLAS products depend on the OpenBLAS thread count: runs sgemm and dgemm on
 * fixed random operands with 1, 2, 3, 4 and 8 threads and prints every shape whose result bits
 * differ from the 1-thread result. A program, not a test, because the outcome depends on the
 * OpenBLAS build and the processor; docs/reproducibility.md records what it printed.
 * <pre>
 * java -cp target/test-classes:target/classes:... org.cortexj.backend.cpu.gemm.OpenBlasThreadCountProbe
 * </pre>
 */
public final class OpenBlasThreadCountProbe {

    /** {m, n, k}: convolution and linear products of the seed network, square and odd sizes. */
    private static final int[][] SHAPES = {
        {4, 43_264, 9}, {64, 16, 484}, {64, 10, 16}, {20, 36_864, 25}, {50, 4096, 500}, {128, 1000, 800},
        {1000, 800, 128}, {7, 5, 3}, {300, 300, 300}, {513, 257, 1025}, {64, 1000, 3200}, {33, 17, 4000}};
    private static final int[] THREADS = {1, 2, 3, 4, 8};

    private OpenBlasThreadCountProbe() {
    }

    public static void main(String[] args) {
        OpenBlasGemm gemm = OpenBlasGemm.load();
        Random random = new Random(1);
        int comparisons = 0;
        int differing = 0;
        for (int[] shape : SHAPES) {
            for (int transposes = 0; transposes < 4; transposes++) {
                boolean transA = (transposes & 1) != 0;
                boolean transB = (transposes & 2) != 0;
                float[][] results = new float[THREADS.length][];
                double[][] doubleResults = new double[THREADS.length][];
                float[] a = gaussian(random, shape[0] * shape[2]);
                float[] b = gaussian(random, shape[2] * shape[1]);
                for (int t = 0; t < THREADS.length; t++) {
                    OpenBlasGemm.setThreadCount(THREADS[t]);
                    results[t] = multiply(gemm, shape, transA, transB, a, b);
                    doubleResults[t] = multiplyDouble(gemm, shape, transA, transB, a, b);
                }
                for (int t = 1; t < THREADS.length; t++) {
                    comparisons++;
                    boolean sameFloat = Arrays.equals(results[0], results[t]);
                    boolean sameDouble = Arrays.equals(doubleResults[0], doubleResults[t]);
                    if (!sameFloat || !sameDouble) {
                        differing++;
                        System.out.printf("differs: m, n, k %s, transA %b, transB %b, %d threads: sgemm %s, dgemm %s%n",
                                Arrays.toString(shape), transA, transB, THREADS[t], sameFloat ? "same" : "differs",
                                sameDouble ? "same" : "differs");
                    }
                }
            }
        }
        System.out.printf("%d of %d comparisons with the 1-thread result differ; %s%n", differing, comparisons,
                gemm.name());
    }

    private static float[] gaussian(Random random, int size) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    private static float[] multiply(OpenBlasGemm gemm, int[] shape, boolean transA, boolean transB, float[] a,
                                    float[] b) {
        int m = shape[0];
        int n = shape[1];
        int k = shape[2];
        float[] c = new float[m * n];
        gemm.sgemm(transA, transB, m, n, k, 1f, a, 0, transA ? m : k, b, 0, transB ? k : n, 0f, c, 0, n);
        return c;
    }

    private static double[] multiplyDouble(OpenBlasGemm gemm, int[] shape, boolean transA, boolean transB, float[] a,
                                           float[] b) {
        int m = shape[0];
        int n = shape[1];
        int k = shape[2];
        double[] c = new double[m * n];
        gemm.dgemm(transA, transB, m, n, k, 1, toDouble(a), 0, transA ? m : k, toDouble(b), 0, transB ? k : n, 0, c,
                0, n);
        return c;
    }

    private static double[] toDouble(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }
}
