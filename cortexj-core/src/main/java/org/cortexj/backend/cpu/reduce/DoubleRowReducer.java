package org.cortexj.backend.cpu.reduce;

import static org.cortexj.backend.cpu.reduce.RowArguments.checkNonNegative;
import static org.cortexj.backend.cpu.reduce.RowArguments.checkOutputRegion;
import static org.cortexj.backend.cpu.reduce.RowArguments.checkRegions;
import static org.cortexj.backend.cpu.reduce.RowArguments.checkRowsNotEmpty;
import static org.cortexj.backend.cpu.reduce.RowArguments.requireArray;

/**
 * Double row reductions on one {@link DoubleKernels} implementation. {@link RowReductions}
 * documents the contracts; tests build one reducer per implementation to compare them.
 */
final class DoubleRowReducer {

    private final DoubleKernels kernels;

    DoubleRowReducer(DoubleKernels kernels) {
        this.kernels = kernels;
    }

    void sum(double[] input, int inputOffset, int rows, int rowLength,
            double[] output, int outputOffset) {
        checkDoubleRegions("sum", input, inputOffset, rows, rowLength, output, outputOffset);
        DoubleSummation summation = new DoubleSummation(kernels, rowLength);
        for (int row = 0; row < rows; row++) {
            output[outputOffset + row] = summation.sum(input, inputOffset + row * rowLength);
        }
    }

    void mean(double[] input, int inputOffset, int rows, int rowLength,
            double[] output, int outputOffset) {
        checkDoubleRegions("mean", input, inputOffset, rows, rowLength, output, outputOffset);
        DoubleSummation summation = new DoubleSummation(kernels, rowLength);
        for (int row = 0; row < rows; row++) {
            output[outputOffset + row] =
                    mean(summation, input, inputOffset + row * rowLength, rowLength);
        }
    }

    void variance(double[] input, int inputOffset, int rows, int rowLength, int correction,
            double[] output, int outputOffset) {
        checkDoubleRegions("variance", input, inputOffset, rows, rowLength, output, outputOffset);
        checkNonNegative("variance", "correction", correction);
        DoubleSummation summation = new DoubleSummation(kernels, rowLength);
        for (int row = 0; row < rows; row++) {
            int from = inputOffset + row * rowLength;
            double mean = mean(summation, input, from, rowLength);
            output[outputOffset + row] =
                    variance(summation, input, from, rowLength, mean, correction);
        }
    }

    void meanAndVariance(double[] input, int inputOffset, int rows, int rowLength,
            int correction, double[] means, int meansOffset, double[] variances,
            int variancesOffset) {
        String operation = "meanAndVariance";
        checkDoubleRegions(operation, input, inputOffset, rows, rowLength, means, meansOffset);
        requireArray(operation, "variances", variances);
        checkOutputRegion(operation, "variances", variances.length, variancesOffset, rows);
        checkNonNegative(operation, "correction", correction);
        DoubleSummation summation = new DoubleSummation(kernels, rowLength);
        for (int row = 0; row < rows; row++) {
            int from = inputOffset + row * rowLength;
            double mean = mean(summation, input, from, rowLength);
            means[meansOffset + row] = mean;
            variances[variancesOffset + row] =
                    variance(summation, input, from, rowLength, mean, correction);
        }
    }

    void max(double[] input, int inputOffset, int rows, int rowLength,
            double[] output, int outputOffset) {
        checkDoubleRegions("max", input, inputOffset, rows, rowLength, output, outputOffset);
        checkRowsNotEmpty("max", rowLength);
        for (int row = 0; row < rows; row++) {
            output[outputOffset + row] =
                    kernels.max(input, inputOffset + row * rowLength, rowLength);
        }
    }

    void min(double[] input, int inputOffset, int rows, int rowLength,
            double[] output, int outputOffset) {
        checkDoubleRegions("min", input, inputOffset, rows, rowLength, output, outputOffset);
        checkRowsNotEmpty("min", rowLength);
        for (int row = 0; row < rows; row++) {
            output[outputOffset + row] =
                    kernels.min(input, inputOffset + row * rowLength, rowLength);
        }
    }

    void argmax(double[] input, int inputOffset, int rows, int rowLength,
            int[] output, int outputOffset) {
        checkIndexRegions("argmax", input, inputOffset, rows, rowLength, output, outputOffset);
        checkRowsNotEmpty("argmax", rowLength);
        for (int row = 0; row < rows; row++) {
            int from = inputOffset + row * rowLength;
            double max = kernels.max(input, from, rowLength);
            output[outputOffset + row] = kernels.firstIndexOf(input, from, rowLength, max);
        }
    }

    void argmin(double[] input, int inputOffset, int rows, int rowLength,
            int[] output, int outputOffset) {
        checkIndexRegions("argmin", input, inputOffset, rows, rowLength, output, outputOffset);
        checkRowsNotEmpty("argmin", rowLength);
        for (int row = 0; row < rows; row++) {
            int from = inputOffset + row * rowLength;
            double min = kernels.min(input, from, rowLength);
            output[outputOffset + row] = kernels.firstIndexOf(input, from, rowLength, min);
        }
    }

    /** Returns the row mean, NaN if the row is empty. */
    private static double mean(DoubleSummation summation, double[] a, int from, int rowLength) {
        if (rowLength == 0) {
            return Double.NaN;
        }
        return summation.sum(a, from) / rowLength;
    }

    /**
     * Returns the sum of squared deviations from {@code mean} divided by
     * {@code max(0, rowLength - correction)}, which is NaN for an empty row and NaN or
     * infinity when the correction leaves no degrees of freedom, as in PyTorch.
     */
    private static double variance(DoubleSummation summation, double[] a, int from, int rowLength,
            double mean, int correction) {
        if (rowLength == 0) {
            return Double.NaN;
        }
        double squaredDeviations = summation.sumOfSquaredDeviations(a, from, mean);
        int degreesOfFreedom = Math.max(0, rowLength - correction);
        return squaredDeviations / degreesOfFreedom;
    }

    private static void checkDoubleRegions(String operation, double[] input, int inputOffset,
            int rows, int rowLength, double[] output, int outputOffset) {
        requireArray(operation, "input", input);
        requireArray(operation, "output", output);
        checkRegions(operation, input.length, inputOffset, rows, rowLength,
                output.length, outputOffset);
    }

    private static void checkIndexRegions(String operation, double[] input, int inputOffset,
            int rows, int rowLength, int[] output, int outputOffset) {
        requireArray(operation, "input", input);
        requireArray(operation, "output", output);
        checkRegions(operation, input.length, inputOffset, rows, rowLength,
                output.length, outputOffset);
    }
}
