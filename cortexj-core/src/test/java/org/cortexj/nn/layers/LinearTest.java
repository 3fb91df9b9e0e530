package org.cortexj.nn.layers;

import static org.cortexj.nn.functional.RandomTensors.randomNormal;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.cortexj.autograd.GradientCheck;
import org.cortexj.backend.DataType;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.api.Test;

class LinearTest {

    @Test
    void linearComputesAffineMapByHand() {
        Tensor weight = Tensor.of(new double[] {1, 2, 3, -1, 0, 2}, 2, 3);
        Tensor bias = Tensor.of(new double[] {0.5, -0.5}, 2);
        Tensor x = Tensor.of(new double[] {1, 1, 1, 2, 0, -1}, 2, 3);

        Tensor y = new Linear(weight, bias).forward(x);

        // Row 0 is (1 + 2 + 3 + 0.5, -1 + 0 + 2 - 0.5).
        // Row 1 is (2 - 3 + 0.5, -2 - 2 - 0.5).
        assertArrayEquals(new double[] {6.5, 0.5, -0.5, -4.5}, y.toDoubleArray(), 1e-15);
    }

    @Test
    void linearGradientsMatchFiniteDifferences() {
        GradientCheck.assertClose("linear",
                inputs -> new Linear(inputs.get(1), inputs.get(2)).forward(inputs.get(0)),
                List.of(randomNormal(1, 4, 5), randomNormal(2, 3, 5), randomNormal(3, 3)));
    }

    @Test
    void linearFlattensImageInput() {
        Tensor weight = randomNormal(4, 2, 12);
        Tensor x = randomNormal(5, 3, 3, 2, 2);
        Linear linear = new Linear(weight, null);

        Tensor y = linear.forward(x);

        assertArrayEquals(new int[] {3, 2}, y.shape().dims());
        assertArrayEquals(linear.forward(x.reshape(3, 12)).toDoubleArray(), y.toDoubleArray(), 0);
    }

    @Test
    void linearMapsSingleExample() {
        Tensor weight = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2);

        Tensor y = new Linear(weight, null).forward(Tensor.of(new double[] {1, -1}, 2));

        assertArrayEquals(new int[] {2}, y.shape().dims());
        assertArrayEquals(new double[] {-1, -1}, y.toDoubleArray(), 0);
    }

    @Test
    void defaultInitStaysWithinFanInBound() {
        Linear linear = new Linear(16, 8, true, DataType.FLOAT32, new Generator(7));

        double bound = 1 / Math.sqrt(16);
        double[] weight = linear.weight().value().toDoubleArray();
        double[] bias = linear.bias().value().toDoubleArray();
        assertEquals(DataType.FLOAT32, linear.weight().value().dataType());
        assertArrayEquals(new int[] {8, 16}, linear.weight().value().shape().dims());
        assertTrue(Arrays.stream(weight).allMatch(w -> Math.abs(w) <= bound), "weights within ±1/sqrt(16)");
        assertTrue(Arrays.stream(bias).allMatch(b -> Math.abs(b) <= bound), "biases within ±1/sqrt(16)");
        assertTrue(Arrays.stream(weight).max().orElseThrow() > 0.8 * bound, "weights spread over the range");
        assertEquals(2, linear.parameters().size());
    }

    @Test
    void defaultInitIsReproducible() {
        Linear first = new Linear(5, 3, false, DataType.FLOAT64, new Generator(9));
        Linear second = new Linear(5, 3, false, DataType.FLOAT64, new Generator(9));

        assertArrayEquals(first.weight().value().toDoubleArray(), second.weight().value().toDoubleArray(), 0);
        assertNull(first.bias());
    }

    @Test
    void linearRejectsFeatureMismatch() {
        Linear linear = new Linear(Tensor.zeros(DataType.FLOAT64, 2, 4), null);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> linear.forward(Tensor.zeros(DataType.FLOAT64, 3, 5)));

        assertEquals("Linear: input [3, 5] has 5 features, expected 4; pass [N, 4] or a shape whose axes "
                + "after the first multiply to 4", error.getMessage());
    }
}
