package org.cortexj.nn.layers;

import static org.cortexj.nn.functional.RandomTensors.randomNormal;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cortexj.autograd.GradientCheck;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.api.Test;

class LocalResponseNormTest {

    @Test
    void responseNormGradientMatchesFiniteDifferences() {
        LocalResponseNorm norm = new LocalResponseNorm(3, 0.2, 0.75, 1.5);

        GradientCheck.assertClose("local response norm", inputs -> norm.forward(inputs.get(0)),
                List.of(randomNormal(1, 2, 5, 2, 3)));
    }

    @Test
    void singleChannelWindowDividesByOwnSquare() {
        LocalResponseNorm norm = new LocalResponseNorm(1, 1.0, 0.5, 1.0);
        Tensor x = Tensor.of(new double[] {3, 4}, 1, 2, 1);

        Tensor y = norm.forward(x);

        assertArrayEquals(new double[] {3 / Math.sqrt(10), 4 / Math.sqrt(17)}, y.toDoubleArray(), 1e-15);
    }

    @Test
    void defaultsMatchPyTorch() {
        LocalResponseNorm norm = new LocalResponseNorm(5);

        assertEquals(1e-4, norm.alpha());
        assertEquals(0.75, norm.beta());
        assertEquals(1.0, norm.k());
    }
}
