package org.cortexj.backend.cpu.reduce;

import static org.cortexj.backend.cpu.reduce.RowArguments.checkNonNegative;
import static org.cortexj.backend.cpu.reduce.RowArguments.checkOutputRegion;
import static org.cortexj.backend.cpu.reduce.RowArguments.checkRegions;
import static org.cortexj.backend.cpu.reduce.RowArguments.checkRowsNotEmpty;
import static org.cortexj.backend.cpu.reduce.RowArguments.requireArray;

/**
 * Float row reductions on one {@link FloatKernels} implementation. {@link RowReductions}
 * documents the contracts; tests build one reducer per implementation to compare them.
 */
final class FloatRowReducer {

    private final FloatKernels kernels;

    FloatRowReducer(FloatKernels kernels) {
        this.kernels = kernels;
    }

    void sum(float[] input, int inputOffset, int rows, int rowLength,
            float[] output, int outputOffset) {
        checkFloatRegions("sum", input, inputOffset, rows, rowLength, output, outputOffset);
        FloatSummation summation = new FloatSummation(kernels, rowLength);
        for (int row = 0; row < rows; row++) {
            output[outputOffset + row] = summation.sum(input, inputOffset + row * rowLength);
        }
    }

    void mean(float[] input, int inputOffset, int rows, int rowLength,
            float[] output, int outputOffset) {
        checkFloatRegions("mean", input, inputOffset, rows, rowLength, output, outputOffset);
        FloatSummation summation = new FloatSummation(kernels, rowLength);
        for (int row = 0; row < rows; row++) {
            output[outputOffset + row] =
                    mean(summation, input, inputOffset + row * rowLength, rowLength);
        }
    }

    void variance(float[] input, int inputOffset, int rows, int rowLength, int correction,
            float[] output, int outputOffset) {
        checkFloatRegions("variance", input, inputOffset, rows, rowLength, output, outputOffset);
        checkNonNegative("variance", "correction", correction);
        FloatSummation summation = new FloatSummation(kernels, rowLength);
        for (int row = 0; row < rows; row++) {
            int from = inputOffset + row * rowLength;
            float mean = mean(summation, input, from, rowLength);
            output[outputOffset + row] =
                    variance(summation, input, from, rowLength, mean, correction);
        }
    }

    void meanAndVariance(float[] input, int inputOffset, int rows, int rowLength,
            int correction, float[] means, int meansOffset, float[] variances,
            int variancesOffset) {
        String operation = "meanAndVariance";
        checkFloatRegions(operation, input, inputOffset, rows, rowLength, means, meansOffset);
        requireArray(operation, "variances", variances);
        checkOutputRegion(operation, "variances", variances.length, variancesOffset, rows);
        checkNonNegative(operation, "correction", correction);
        FloatSummation summation = new FloatSummation(kernels, rowLength);
        for (int row = 0; row < rows; row++) {
            int from = inputOffset + row * rowLength;
            float mean = mean(summation, input, from, rowLength);
            means[meansOffset + row] = mean;
            variances[variancesOffset + row] =
                    variance(summation, input, from, rowLength, mean, correction);
        }
    }

    void max(float[] input, int inputOffset, int rows, int rowLength,
            float[] output, int outputOffset) {
        checkFloatRegions("max", input, inputOffset, rows, rowLength, output, outputOffset);
        checkRowsNotEmpty("max", rowLength);
        for (int row = 0; row < rows; row++) {
            output[outputOffset + row] =
                    kernels.max(input, inputOffset + row * rowLength, rowLength);
        }
    }

    void min(float[] input, int inputOffset, int rows, int rowLength,
            float[] output, int outputOffset) {
        checkFloatRegions("min", input, inputOffset, rows, rowLength, output, outputOffset);
        checkRowsNotEmpty("min", rowLength);
        for (int row = 0; row < rows; row++) {
            output[outputOffset + row] =
                    kernels.min(input, inputOffset + row * rowLength, rowLength);
        }
    }

    void argmax(float[] input, int inputOffset, int rows, int rowLength,
            int[] output, int outputOffset) {
        checkIndexRegions("argmax", input, inputOffset, rows, rowLength, output, outputOffset);
        checkRowsNotEmpty("argmax", rowLength);
        for (int row = 0; row < rows; row++) {
            int from = inputOffset + row * rowLength;
            float max = kernels.max(input, from, rowLength);
            output[outputOffset + row] = kernels.firstIndexOf(input, from, rowLength, max);
        }
    }

    void argmin(float[] input, int inputOffset, int rows, int rowLength,
            int[] output, int outputOffset) {
        checkIndexRegions("argmin", input, inputOffset, rows, rowLength, output, outputOffset);
        checkRowsNotEmpty("argmin", rowLength);
        for (int row = 0; row < rows; row++) {
            int from = inputOffset + row * rowLength;
            float min = kernels.min(input, from, rowLength);
            output[outputOffset + row] = kernels.firstIndexOf(input, from, rowLength, min);
        }
    }

    /** Returns the row mean, rounded once from the float sum divided in double; NaN if empty. */
    private static float mean(FloatSummation summation, float[] a, int from, int rowLength) {
        if (rowLength == 0) {
            return Float.NaN;
        }
        return (float) ((double) summation.sum(a, from) / rowLength);
    }

    /**
     * Returns the sum of squared deviations from {@code mean} divided by
     * {@code max(0, rowLength - correction)}, which is NaN for an empty row and NaN or
     * infinity when the correction leaves no degrees of freedom, as in PyTorch.
     */
    private static float variance(FloatSummation summation, float[] a, int from, int rowLength,
            float mean, int correction) {
        if (rowLength == 0) {
            return Float.NaN;
        }
        float squaredDeviations = summation.sumOfSquaredDeviations(a, from, mean);
        int degreesOfFreedom = Math.max(0, rowLength - correction);
        return (float) ((double) squaredDeviations / degreesOfFreedom);
    }

    private static void checkFloatRegions(String operation, float[] input, int inputOffset,
            int rows, int rowLength, float[] output, int outputOffset) {
        requireArray(operation, "input", input);
        requireArray(operation, "output", output);
        checkRegions(operation, input.length, inputOffset, rows, rowLength,
                output.length, outputOffset);
    }

    private static void checkIndexRegions(String operation, float[] input, int inputOffset,
            int rows, int rowLength, int[] output, int outputOffset) {
        requireArray(operation, "input", input);
        requireArray(operation, "output", output);
        checkRegions(operation, input.length, inputOffset, rows, rowLength,
                output.length, outputOffset);
    }
}
