package org.cortexj.backend.cpu.reduce;

import java.util.Arrays;

/**
 * A direct, unoptimized transcription of the documented summation tree: 64 float lanes or 32
 * double lanes per block of 1024 floats or 512 doubles, element i of a block into lane
 * {@code i % lanes}, blocks split after {@code floor(blocks / 2)}, lanes added by halving.
 * It uses its own constants, so a change to the kernels' tree makes the tests fail.
 */
final class ReferenceTree {

    private static final int FLOAT_LANES = 64;
    private static final int FLOAT_BLOCK = 1024;
    private static final int DOUBLE_LANES = 32;
    private static final int DOUBLE_BLOCK = 512;

    private ReferenceTree() {
    }

    /** Returns the tree sum of {@code (a[i] - center)^2}, or of {@code a[i]} when not squaring. */
    static float sum(float[] a, int from, int length, boolean squareDeviations, float center) {
        if (length == 0) {
            return 0f;
        }
        float[] lanes = lanes(a, from, length, squareDeviations, center);
        for (int half = FLOAT_LANES / 2; half >= 1; half /= 2) {
            for (int j = 0; j < half; j++) {
                lanes[j] += lanes[j + half];
            }
        }
        return lanes[0];
    }

    private static float[] lanes(
            float[] a, int from, int length, boolean squareDeviations, float center) {
        if (length <= FLOAT_BLOCK) {
            float[] lanes = new float[FLOAT_LANES];
            Arrays.fill(lanes, -0f);
            for (int i = 0; i < length; i++) {
                float term = a[from + i];
                if (squareDeviations) {
                    float deviation = term - center;
                    term = deviation * deviation;
                }
                lanes[i % FLOAT_LANES] += term;
            }
            return lanes;
        }
        int blocks = (length + FLOAT_BLOCK - 1) / FLOAT_BLOCK;
        int leftLength = blocks / 2 * FLOAT_BLOCK;
        float[] left = lanes(a, from, leftLength, squareDeviations, center);
        float[] right = lanes(a, from + leftLength, length - leftLength, squareDeviations, center);
        for (int j = 0; j < FLOAT_LANES; j++) {
            left[j] += right[j];
        }
        return left;
    }

    static double sum(double[] a, int from, int length, boolean squareDeviations, double center) {
        if (length == 0) {
            return 0.0;
        }
        double[] lanes = lanes(a, from, length, squareDeviations, center);
        for (int half = DOUBLE_LANES / 2; half >= 1; half /= 2) {
            for (int j = 0; j < half; j++) {
                lanes[j] += lanes[j + half];
            }
        }
        return lanes[0];
    }

    private static double[] lanes(
            double[] a, int from, int length, boolean squareDeviations, double center) {
        if (length <= DOUBLE_BLOCK) {
            double[] lanes = new double[DOUBLE_LANES];
            Arrays.fill(lanes, -0.0);
            for (int i = 0; i < length; i++) {
                double term = a[from + i];
                if (squareDeviations) {
                    double deviation = term - center;
                    term = deviation * deviation;
                }
                lanes[i % DOUBLE_LANES] += term;
            }
            return lanes;
        }
        int blocks = (length + DOUBLE_BLOCK - 1) / DOUBLE_BLOCK;
        int leftLength = blocks / 2 * DOUBLE_BLOCK;
        double[] left = lanes(a, from, leftLength, squareDeviations, center);
        double[] right = lanes(a, from + leftLength, length - leftLength, squareDeviations, center);
        for (int j = 0; j < DOUBLE_LANES; j++) {
            left[j] += right[j];
        }
        return left;
    }
}
