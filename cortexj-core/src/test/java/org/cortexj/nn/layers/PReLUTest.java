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

class PReLUTest {

    @Test
    void preluScalesNegativeValuesPerChannel() {
        PReLU prelu = new PReLU(Tensor.of(new double[] {0.1, 0.5}, 2));
        Tensor x = Tensor.of(new double[] {-2, 3, -4, 0, 1, -1}, 1, 2, 3);

        Tensor y = prelu.forward(x);

        assertArrayEquals(new double[] {-0.2, 3, -0.4, 0, 1, -0.5}, y.toDoubleArray(), 1e-15);
    }

    @Test
    void preluDerivativeAtZeroIsSlope() {
        Tensor slope = Tensor.of(new double[] {0.3}, 1);
        PReLU prelu = new PReLU(slope);
        Tensor x = Tensor.of(new double[] {0, 2}, 2).setRequiresGrad(true);

        prelu.forward(x).backward(Tensor.of(new double[] {1, 1}, 2));

        assertArrayEquals(new double[] {0.3, 1}, x.grad().toDoubleArray(), 1e-15);
    }

    @Test
    void channelSlopeGradientsMatchFiniteDifferences() {
        GradientCheck.assertClose("prelu per channel",
                inputs -> new PReLU(inputs.get(1)).forward(inputs.get(0)),
                List.of(randomNormal(1, 2, 3, 2, 2), randomNormal(2, 3)));
    }

    @Test
    void sharedSlopeGradientsMatchFiniteDifferences() {
        GradientCheck.assertClose("prelu shared slope",
                inputs -> new PReLU(inputs.get(1)).forward(inputs.get(0)),
                List.of(randomNormal(3, 4, 5), randomNormal(4, 1)));
    }

    @Test
    void defaultSlopeIsQuarter() {
        PReLU prelu = new PReLU(3, DataType.FLOAT32);

        assertArrayEquals(new double[] {0.25, 0.25, 0.25}, prelu.weight().value().toDoubleArray(), 0);
    }

    @Test
    void preluRejectsChannelMismatch() {
        PReLU prelu = new PReLU(3, DataType.FLOAT64);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> prelu.forward(Tensor.zeros(DataType.FLOAT64, 2, 4)));

        assertEquals("PReLU: 3 slopes need an input [N, 3, ...] with the channels on axis 1, got shape [2, 4]",
                error.getMessage());
    }
}
