package org.cortexj.nn.functional;

import static org.cortexj.nn.functional.RandomTensors.randomNormal;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.cortexj.autograd.GradientCheck;
import org.cortexj.backend.DataType;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NormalizationTest {

    /**
     * Local response norm by its definition on [N, C, P]: the window of channel c is
     * [c − size/2, c + (size − 1)/2], clipped to the channels, and the sum is divided by size.
     */
    private static double[] naiveResponseNorm(double[] x, int n, int channels, int positions, int size,
            double alpha, double beta, double k) {
        double[] y = new double[x.length];
        for (int image = 0; image < n; image++) {
            for (int c = 0; c < channels; c++) {
                for (int p = 0; p < positions; p++) {
                    double sum = 0;
                    for (int other = c - size / 2; other <= c + (size - 1) / 2; other++) {
                        if (other >= 0 && other < channels) {
                            double value = x[(image * channels + other) * positions + p];
                            sum += value * value;
                        }
                    }
                    int index = (image * channels + c) * positions + p;
                    y[index] = x[index] / Math.pow(k + alpha / size * sum, beta);
                }
            }
        }
        return y;
    }

    @ParameterizedTest(name = "size {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 9})
    void responseNormMatchesNaiveLoop(int size) {
        Tensor x = randomNormal(size, 2, 6, 3, 4);

        Tensor y = Normalization.localResponseNorm(x, size, 0.3, 0.75, 2.0);

        double[] expected = naiveResponseNorm(x.toDoubleArray(), 2, 6, 12, size, 0.3, 0.75, 2.0);
        assertArrayEquals(expected, y.toDoubleArray(), 1e-14);
    }

    @ParameterizedTest(name = "size {0}")
    @ValueSource(ints = {2, 3})
    void responseNormGradientMatchesFiniteDifferences(int size) {
        GradientCheck.assertClose("localResponseNorm size " + size,
                inputs -> Normalization.localResponseNorm(inputs.get(0), size, 0.5, 0.75, 1.0),
                List.of(randomNormal(7, 2, 4, 3, 2)));
    }

    @Test
    void responseNormAcceptsMatrixInput() {
        Tensor x = randomNormal(8, 3, 5);

        Tensor y = Normalization.localResponseNorm(x, 3, 1e-4, 0.75, 1.0);

        double[] expected = naiveResponseNorm(x.toDoubleArray(), 3, 5, 1, 3, 1e-4, 0.75, 1.0);
        assertArrayEquals(expected, y.toDoubleArray(), 1e-14);
    }

    @Test
    void responseNormRejectsNonPositiveK() {
        Tensor x = randomNormal(9, 1, 2, 2, 2);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Normalization.localResponseNorm(x, 2, 1e-4, 0.75, 0));

        assertEquals("localResponseNorm: k must be finite and greater than 0, got 0.0; with k > 0 and "
                + "alpha >= 0 the base of the power stays positive", error.getMessage());
    }

    @Test
    void batchStatisticsMatchHandSums() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 2, 2);

        Normalization.Statistics statistics = Normalization.batchStatistics(x);

        // Channel 0 contains 1, 2, 5, 6 and channel 1 contains 3, 4, 7, 8.
        assertArrayEquals(new double[] {3.5, 5.5}, statistics.mean().toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {4.25, 4.25}, statistics.variance().toDoubleArray(), 1e-15);
        assertEquals(4, statistics.count());
    }

    @Test
    void batchNormWithBatchStatisticsMatchesFiniteDifferences() {
        GradientCheck.assertClose("batchNorm with batch statistics", inputs -> {
            Normalization.Statistics statistics = Normalization.batchStatistics(inputs.get(0));
            return Normalization.batchNorm(inputs.get(0), statistics.mean(), statistics.variance(), inputs.get(1),
                    inputs.get(2), 1e-5);
        }, List.of(randomNormal(10, 3, 2, 2, 3), randomNormal(11, 2), randomNormal(12, 2)));
    }

    @Test
    void batchNormRejectsWrongStatisticShape() {
        Tensor x = Tensor.zeros(DataType.FLOAT64, 2, 3);
        Tensor wrong = Tensor.zeros(DataType.FLOAT64, 2);
        Tensor right = Tensor.zeros(DataType.FLOAT64, 3);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Normalization.batchNorm(x, wrong, right, null, null, 1e-5));

        assertEquals("batchNorm: mean must have shape [3], one value per channel of x [2, 3], got [2]",
                error.getMessage());
    }
}
