package org.cortexj.backend.cpu.gemm;

/** Transposed copies of stored matrices, for kernels that need B untransposed. */
final class Transposition {

    private Transposition() {
    }

    /**
     * Returns the {@code cols x rows} transpose of the {@code rows x cols} matrix stored at
     * {@code offset} with leading dimension {@code ld}, as a new dense row-major array.
     */
    static float[] transpose(float[] source, int offset, int ld, int rows, int cols) {
        float[] result = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            int rowStart = offset + r * ld;
            for (int col = 0; col < cols; col++) {
                result[col * rows + r] = source[rowStart + col];
            }
        }
        return result;
    }

    /** Double version of {@link #transpose(float[], int, int, int, int)}. */
    static double[] transpose(double[] source, int offset, int ld, int rows, int cols) {
        double[] result = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            int rowStart = offset + r * ld;
            for (int col = 0; col < cols; col++) {
                result[col * rows + r] = source[rowStart + col];
            }
        }
        return result;
    }
}
