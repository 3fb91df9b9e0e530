package org.cortexj.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cortexj.backend.DataType;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AlphaDropoutTest {

    private static final int SIZE = 1_000_000;

    @ParameterizedTest(name = "p = {0}")
    @ValueSource(doubles = {0.05, 0.1, 0.2})
    void alphaDropoutKeepsZeroMeanUnitVariance(double p) {
        Tensor x = Tensor.normal(new Generator(11), 0, 1, DataType.FLOAT64, SIZE);
        AlphaDropout dropout = new AlphaDropout(p, new Generator(12));

        double[] y = dropout.forward(x).toDoubleArray();

        double mean = 0;
        for (double value : y) {
            mean += value / SIZE;
        }
        double variance = 0;
        long dropped = 0;
        double droppedValue = AlphaDropout.constants(p).droppedValue();
        for (double value : y) {
            variance += (value - mean) * (value - mean) / SIZE;
            dropped += value == droppedValue ? 1 : 0;
        }
        // Tolerance 0.01: the sampling error of 10^6 samples is about 0.002 for each statistic.
        assertEquals(0.0, mean, 0.01, "mean");
        assertEquals(1.0, variance, 0.01, "variance");
        assertEquals(p, (double) dropped / SIZE, 0.01, "dropped fraction");
    }

    @Test
    void constantsFollowTheClosedForm() {
        double p = 0.2;
        double alphaPrime = -1.0507009873554804934193349852946 * 1.6732632423543772848170429916717;

        AlphaDropout.Constants constants = AlphaDropout.constants(p);

        double a = Math.pow((1 - p) * (1 + p * alphaPrime * alphaPrime), -0.5);
        assertEquals(alphaPrime, AlphaDropout.ALPHA_PRIME, 1e-15);
        assertEquals(a, constants.a(), 1e-15);
        assertEquals(-a * p * alphaPrime, constants.b(), 1e-15);
        assertEquals(a * alphaPrime - a * p * alphaPrime, constants.droppedValue(), 1e-15);
    }

    @Test
    void maskedAlphaDropoutMatchesDefinition() {
        double p = 0.1;
        AlphaDropout.Constants c = AlphaDropout.constants(p);
        Tensor x = Tensor.of(new double[] {0.5, -1, 2}, 3).setRequiresGrad(true);
        Tensor mask = Tensor.of(new double[] {1, 0, 1}, 3);

        Tensor y = AlphaDropout.apply(x, mask, p);
        y.backward(Tensor.of(new double[] {1, 1, 3}, 3));

        double[] expected = {c.a() * 0.5 + c.b(), c.droppedValue(), c.a() * 2 + c.b()};
        assertArrayEquals(expected, y.toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {c.a(), 0, 3 * c.a()}, x.grad().toDoubleArray(), 1e-15);
    }

    @Test
    void alphaDropoutIsIdentityInEval() {
        Tensor x = Tensor.normal(new Generator(3), 0, 1, DataType.FLOAT64, 100);
        AlphaDropout dropout = new AlphaDropout(0.2, new Generator(4));

        dropout.eval();

        assertSame(x, dropout.forward(x));
    }

    @Test
    void alphaDropoutIsIdentityAtZero() {
        Tensor x = Tensor.normal(new Generator(3), 0, 1, DataType.FLOAT64, 100);
        AlphaDropout dropout = new AlphaDropout(0, new Generator(4));

        assertTrue(dropout.isTraining());
        assertSame(x, dropout.forward(x));
    }

    @Test
    void sameSeedGivesSameAlphaMask() {
        Tensor x = Tensor.normal(new Generator(5), 0, 1, DataType.FLOAT64, 500);

        double[] first = new AlphaDropout(0.3, new Generator(6)).forward(x).toDoubleArray();
        double[] second = new AlphaDropout(0.3, new Generator(6)).forward(x).toDoubleArray();

        assertArrayEquals(first, second, 0);
    }
}
