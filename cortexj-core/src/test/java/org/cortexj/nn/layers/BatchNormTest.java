package org.cortexj.nn.layers;

import static org.cortexj.nn.functional.RandomTensors.randomNormal;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.cortexj.autograd.GradientCheck;
import org.cortexj.backend.DataType;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.api.Test;

class BatchNormTest {

    private static BatchNorm1d freshNorm(Tensor weight, Tensor bias) {
        int channels = weight.dim(0);
        return new BatchNorm1d(weight, bias, Tensor.zeros(DataType.FLOAT64, channels),
                Tensor.ones(DataType.FLOAT64, channels), 1e-5, 0.1);
    }

    @Test
    void trainingGradientsMatchFiniteDifferences() {
        GradientCheck.assertClose("batchnorm1d training",
                inputs -> freshNorm(inputs.get(1), inputs.get(2)).forward(inputs.get(0)),
                List.of(randomNormal(1, 6, 3), randomNormal(2, 3), randomNormal(3, 3)));
    }

    @Test
    void imageTrainingGradientsMatchFiniteDifferences() {
        GradientCheck.assertClose("batchnorm2d training",
                inputs -> new BatchNorm2d(inputs.get(1), inputs.get(2), Tensor.zeros(DataType.FLOAT64, 2),
                        Tensor.ones(DataType.FLOAT64, 2), 1e-5, 0.1).forward(inputs.get(0)),
                List.of(randomNormal(4, 3, 2, 2, 3), randomNormal(5, 2), randomNormal(6, 2)));
    }

    @Test
    void trainingUpdatesRunningStatisticsByHand() {
        Tensor x = Tensor.of(new double[] {1, 10, 3, 20, 8, 30}, 3, 2);
        BatchNorm1d norm = new BatchNorm1d(2, DataType.FLOAT64);

        Tensor y = norm.forward(x);

        // Feature 0: mean 4, biased variance 26/3, unbiased 13. Feature 1: mean 20, unbiased 100.
        assertArrayEquals(new double[] {0.4, 2.0}, norm.runningMean().toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {0.9 + 1.3, 0.9 + 10}, norm.runningVar().toDoubleArray(), 1e-13);
        double inverseStd = 1 / Math.sqrt(26.0 / 3 + 1e-5);
        assertEquals(-3 * inverseStd, y.get(0, 0), 1e-12);
    }

    @Test
    void evalUsesRunningStatisticsAndChangesNothing() {
        Tensor runningMean = Tensor.of(new double[] {1, -1}, 2);
        Tensor runningVar = Tensor.of(new double[] {4, 0.25}, 2);
        BatchNorm1d norm = new BatchNorm1d(Tensor.of(new double[] {2, 1}, 2), Tensor.of(new double[] {0, 1}, 2),
                runningMean, runningVar, 1e-5, 0.1);
        norm.eval();

        Tensor y = norm.forward(Tensor.of(new double[] {3, 0, 5, -2}, 2, 2));

        double scale0 = 2 / Math.sqrt(4 + 1e-5);
        double scale1 = 1 / Math.sqrt(0.25 + 1e-5);
        assertArrayEquals(new double[] {2 * scale0, scale1 + 1, 4 * scale0, -scale1 + 1}, y.toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {1, -1}, norm.runningMean().toDoubleArray(), 0);
        assertArrayEquals(new double[] {4, 0.25}, norm.runningVar().toDoubleArray(), 0);
    }

    @Test
    void sequenceInputNormalizesOverBatchAndLength() {
        Tensor x = randomNormal(7, 4, 3, 5);
        BatchNorm1d norm = new BatchNorm1d(3, DataType.FLOAT64);

        double[] y = norm.forward(x).toDoubleArray();

        for (int c = 0; c < 3; c++) {
            double sum = 0;
            double squares = 0;
            for (int n = 0; n < 4; n++) {
                for (int l = 0; l < 5; l++) {
                    double value = y[(n * 3 + c) * 5 + l];
                    sum += value;
                    squares += value * value;
                }
            }
            assertEquals(0, sum / 20, 1e-12, "mean of channel " + c);
            assertEquals(1, squares / 20, 1e-4, "variance of channel " + c);
        }
    }

    @Test
    void trainingRejectsOneValuePerChannel() {
        BatchNorm2d norm = new BatchNorm2d(3, DataType.FLOAT64);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> norm.forward(Tensor.zeros(DataType.FLOAT64, 1, 3, 1, 1)));

        assertEquals("BatchNorm2d: training needs more than 1 value per channel, got input [1, 3, 1, 1]; use "
                + "a larger batch or switch to eval()", error.getMessage());
    }

    @Test
    void batchNormRejectsWrongRank() {
        BatchNorm2d norm = new BatchNorm2d(3, DataType.FLOAT64);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> norm.forward(Tensor.zeros(DataType.FLOAT64, 4, 3)));

        assertEquals("BatchNorm2d: input must have rank 4 [N, C, H, W], got shape [4, 3]; use BatchNorm1d for "
                + "[N, C] or [N, C, L]", error.getMessage());
    }

    @Test
    void batchNormRegistersPyTorchNames() {
        BatchNorm2d norm = new BatchNorm2d(2, DataType.FLOAT32);

        assertEquals(List.of("weight", "bias"), List.copyOf(norm.namedParameters().keySet()));
        assertEquals(List.of("running_mean", "running_var"), List.copyOf(norm.namedBuffers().keySet()));
    }
}
