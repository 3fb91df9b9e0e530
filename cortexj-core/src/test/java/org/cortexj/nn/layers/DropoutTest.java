package org.cortexj.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.cortexj.backend.DataType;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DropoutTest {

    private static final int SIZE = 200_000;

    @ParameterizedTest(name = "p = {0}")
    @ValueSource(doubles = {0.1, 0.4, 0.6, 0.9})
    void dropoutZeroesFractionPAndKeepsMean(double p) {
        Dropout dropout = new Dropout(p, new Generator(5));
        Tensor ones = Tensor.ones(DataType.FLOAT64, SIZE);

        double[] y = dropout.forward(ones).toDoubleArray();

        long zeros = Arrays.stream(y).filter(value -> value == 0).count();
        double mean = Arrays.stream(y).average().orElseThrow();
        // Sampling standard deviations at this size: fraction <= 0.0012, mean <= 0.0068 (p = 0.9).
        assertEquals(p, (double) zeros / SIZE, 0.01, "fraction of zeros");
        assertEquals(1.0, mean, 0.03, "mean");
        double keptValue = 1 / (1 - p);
        assertTrue(Arrays.stream(y).allMatch(value -> value == 0 || Math.abs(value - keptValue) < 1e-12),
                "every element is 0 or 1 / (1 - p)");
    }

    @Test
    void sameSeedGivesSameMask() {
        Tensor x = Tensor.normal(new Generator(1), 0, 1, DataType.FLOAT64, 1000);

        double[] first = new Dropout(0.5, new Generator(42)).forward(x).toDoubleArray();
        double[] second = new Dropout(0.5, new Generator(42)).forward(x).toDoubleArray();
        double[] other = new Dropout(0.5, new Generator(43)).forward(x).toDoubleArray();

        assertArrayEquals(first, second, 0);
        assertFalse(Arrays.equals(first, other), "another seed should give another mask");
    }

    @Test
    void dropoutIsIdentityInEvalMode() {
        Dropout dropout = new Dropout(0.5, new Generator(1));
        dropout.eval();
        Tensor x = Tensor.normal(new Generator(2), 0, 1, DataType.FLOAT64, 100);

        assertSame(x, dropout.forward(x));
    }

    @Test
    void dropoutIsIdentityAtZeroProbability() {
        Dropout dropout = new Dropout(0, new Generator(1));
        Tensor x = Tensor.normal(new Generator(2), 0, 1, DataType.FLOAT64, 100);

        assertTrue(dropout.isTraining());
        assertSame(x, dropout.forward(x));
    }

    @Test
    void maskedDropoutGradientIsScaledMask() {
        Tensor x = Tensor.of(new double[] {1, -2, 3, 4}, 4).setRequiresGrad(true);
        Tensor mask = Tensor.of(new double[] {1, 0, 0, 1}, 4);

        Tensor y = Dropout.apply(x, mask, 0.75);
        y.backward(Tensor.of(new double[] {1, 1, 1, 2}, 4));

        assertArrayEquals(new double[] {4, 0, 0, 16}, y.toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {4, 0, 0, 8}, x.grad().toDoubleArray(), 1e-15);
    }

    @Test
    void gaussianDropoutKeepsMeanWithExpectedVariance() {
        double p = 0.3;
        GaussianDropout dropout = new GaussianDropout(p, new Generator(8));

        double[] y = dropout.forward(Tensor.ones(DataType.FLOAT64, SIZE)).toDoubleArray();

        double mean = Arrays.stream(y).average().orElseThrow();
        double variance = Arrays.stream(y).map(value -> (value - mean) * (value - mean)).sum() / SIZE;
        // Expected variance p / (1 - p) = 0.4286; sampling error at this size is about 0.0015.
        assertEquals(1.0, mean, 0.01, "mean");
        assertEquals(p / (1 - p), variance, 0.01, "variance");
    }

    @Test
    void gaussianDropoutIsIdentityInEval() {
        GaussianDropout dropout = new GaussianDropout(0.3, new Generator(1));
        Tensor x = Tensor.normal(new Generator(2), 0, 1, DataType.FLOAT64, 100);

        dropout.eval();

        assertSame(x, dropout.forward(x));
    }

    @Test
    void gaussianDropoutIsIdentityAtZero() {
        GaussianDropout dropout = new GaussianDropout(0, new Generator(1));
        Tensor x = Tensor.normal(new Generator(2), 0, 1, DataType.FLOAT64, 100);

        assertTrue(dropout.isTraining());
        assertSame(x, dropout.forward(x));
    }
}
