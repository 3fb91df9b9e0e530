package org.cortexj.backend.cpu.conv;

/** Naive row-major matrix products for the tests, one dot product per output element. */
final class Matrices {

    private Matrices() {
    }

    /** Returns a [m, n] = left [m, k] · right [k, n]. */
    static double[] multiply(double[] left, double[] right, int m, int k, int n) {
        double[] product = new double[m * n];
        for (int row = 0; row < m; row++) {
            for (int column = 0; column < n; column++) {
                double sum = 0;
                for (int inner = 0; inner < k; inner++) {
                    sum += left[row * k + inner] * right[inner * n + column];
                }
                product[row * n + column] = sum;
            }
        }
        return product;
    }

    /** Returns a [m, n] = left [m, k] · rightᵀ, where right is [n, k]. */
    static double[] multiplyTransposedRight(double[] left, double[] right, int m, int k, int n) {
        double[] product = new double[m * n];
        for (int row = 0; row < m; row++) {
            for (int column = 0; column < n; column++) {
                double sum = 0;
                for (int inner = 0; inner < k; inner++) {
                    sum += left[row * k + inner] * right[column * k + inner];
                }
                product[row * n + column] = sum;
            }
        }
        return product;
    }

    /** Returns a [m, n] = leftᵀ · right, where left is [k, m] and right is [k, n]. */
    static double[] multiplyTransposedLeft(double[] left, double[] right, int m, int k, int n) {
        double[] product = new double[m * n];
        for (int row = 0; row < m; row++) {
            for (int column = 0; column < n; column++) {
                double sum = 0;
                for (int inner = 0; inner < k; inner++) {
                    sum += left[inner * m + row] * right[inner * n + column];
                }
                product[row * n + column] = sum;
            }
        }
        return product;
    }

    /** Float form of {@link #multiply(double[], double[], int, int, int)}, summed in float. */
    static float[] multiply(float[] left, float[] right, int m, int k, int n) {
        float[] product = new float[m * n];
        for (int row = 0; row < m; row++) {
            for (int column = 0; column < n; column++) {
                float sum = 0;
                for (int inner = 0; inner < k; inner++) {
                    sum += left[row * k + inner] * right[inner * n + column];
                }
                product[row * n + column] = sum;
            }
        }
        return product;
    }

    /** Float form of {@link #multiplyTransposedRight}. */
    static float[] multiplyTransposedRight(float[] left, float[] right, int m, int k, int n) {
        float[] product = new float[m * n];
        for (int row = 0; row < m; row++) {
            for (int column = 0; column < n; column++) {
                float sum = 0;
                for (int inner = 0; inner < k; inner++) {
                    sum += left[row * k + inner] * right[column * k + inner];
                }
                product[row * n + column] = sum;
            }
        }
        return product;
    }

    /** Float form of {@link #multiplyTransposedLeft}. */
    static float[] multiplyTransposedLeft(float[] left, float[] right, int m, int k, int n) {
        float[] product = new float[m * n];
        for (int row = 0; row < m; row++) {
            for (int column = 0; column < n; column++) {
                float sum = 0;
                for (int inner = 0; inner < k; inner++) {
                    sum += left[inner * m + row] * right[inner * n + column];
                }
                product[row * n + column] = sum;
            }
        }
        return product;
    }
}
