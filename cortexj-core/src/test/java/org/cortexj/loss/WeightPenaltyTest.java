package org.cortexj.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.cortexj.autograd.GradientCheck;
import org.cortexj.backend.DataType;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.api.Test;

class WeightPenaltyTest {

    private static final double[] FIRST = {0.5, -1.5, 2.0, -0.25};
    private static final double[] SECOND = {3.0, -0.75};

    private static List<Tensor> weights() {
        return List.of(Tensor.of(FIRST, 2, 2).setRequiresGrad(true), Tensor.of(SECOND, 2).setRequiresGrad(true));
    }

    @Test
    void l2IsCoefficientTimesSumOfSquares() {
        double expected = 0;
        for (double w : FIRST) {
            expected += w * w;
        }
        for (double w : SECOND) {
            expected += w * w;
        }
        assertEquals(0.1 * expected, new L2Penalty(0.1).compute(weights()).item(), 1e-15);
    }

    @Test
    void l1IsCoefficientTimesSumOfMagnitudes() {
        double expected = 0;
        for (double w : FIRST) {
            expected += Math.abs(w);
        }
        for (double w : SECOND) {
            expected += Math.abs(w);
        }
        assertEquals(0.2 * expected, new L1Penalty(0.2).compute(weights()).item(), 1e-15);
    }

    @Test
    void penaltyGradientsFollowDefinition() {
        List<Tensor> l2Weights = weights();
        new L2Penalty(0.1).compute(l2Weights).backward();
        assertArrayEquals(new double[] {0.1, -0.3, 0.4, -0.05}, l2Weights.get(0).grad().toDoubleArray(), 1e-15);

        List<Tensor> l1Weights = weights();
        new L1Penalty(0.2).compute(l1Weights).backward();
        assertArrayEquals(new double[] {0.2, -0.2}, l1Weights.get(1).grad().toDoubleArray(), 1e-15);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        List<Tensor> inputs = List.of(Tensor.of(FIRST, 2, 2), Tensor.of(SECOND, 2));
        GradientCheck.assertClose("L2Penalty", new L2Penalty(0.3)::compute, inputs);
        GradientCheck.assertClose("L1Penalty", new L1Penalty(0.3)::compute, inputs);
    }

    @Test
    void emptyListGivesZero() {
        Tensor penalty = new L2Penalty(1).compute(List.of());
        assertEquals(0, penalty.rank());
        assertEquals(0.0, penalty.item());
    }

    @Test
    void invalidArgumentsAreRejected() {
        IllegalArgumentException coefficient = assertThrows(IllegalArgumentException.class, () -> new L2Penalty(-1));
        assertEquals("L2Penalty: coefficient must be finite and >= 0, got -1.0", coefficient.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new L1Penalty(Double.NaN));
        IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class,
                () -> new L1Penalty(1).compute(List.of(Tensor.zeros(2), Tensor.zeros(DataType.FLOAT64, 2))));
        assertEquals("L1Penalty: tensor 1 is float64 but tensor 0 is float32; all tensors must have one data type",
                mixed.getMessage());
    }
}
