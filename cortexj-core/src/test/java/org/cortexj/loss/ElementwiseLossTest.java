package org.cortexj.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.cortexj.autograd.GradientCheck;
import org.cortexj.backend.DataType;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** MeanSquaredError and L1Loss: values from naive loops, gradients and the shape contract. */
class ElementwiseLossTest {

    private static final double[] PREDICTION = {1.5, -2.0, 0.25, 3.0, 0.0, -1.0};
    private static final double[] TARGET = {1.0, -1.0, 0.25, 5.0, -0.5, 2.0};

    private static Tensor prediction() {
        return Tensor.of(PREDICTION, 2, 3);
    }

    private static Tensor target() {
        return Tensor.of(TARGET, 2, 3);
    }

    @Test
    void mseMatchesNaiveLoop() {
        double sum = 0;
        for (int i = 0; i < PREDICTION.length; i++) {
            sum += (PREDICTION[i] - TARGET[i]) * (PREDICTION[i] - TARGET[i]);
        }
        assertEquals(sum / PREDICTION.length, new MeanSquaredError().forward(prediction(), target()).item(), 1e-15);
        assertEquals(sum, new MeanSquaredError(Reduction.SUM).forward(prediction(), target()).item(), 1e-15);
        Tensor none = new MeanSquaredError(Reduction.NONE).forward(prediction(), target());
        assertArrayEquals(new int[] {2, 3}, none.shape().dims());
        assertEquals(4.0, none.get(1, 0), 0);
    }

    @Test
    void l1MatchesNaiveLoop() {
        double sum = 0;
        for (int i = 0; i < PREDICTION.length; i++) {
            sum += Math.abs(PREDICTION[i] - TARGET[i]);
        }
        assertEquals(sum / PREDICTION.length, new L1Loss().forward(prediction(), target()).item(), 1e-15);
        assertEquals(sum, new L1Loss(Reduction.SUM).forward(prediction(), target()).item(), 1e-15);
    }

    /** dMSE/dp = 2·(p − t)/numel, and the target gets the negation. */
    @Test
    void mseGradientIsScaledDifference() {
        Tensor p = prediction().setRequiresGrad(true);
        Tensor t = target().setRequiresGrad(true);
        new MeanSquaredError().forward(p, t).backward();
        for (int i = 0; i < PREDICTION.length; i++) {
            double expected = 2 * (PREDICTION[i] - TARGET[i]) / PREDICTION.length;
            assertEquals(expected, p.grad().toDoubleArray()[i], 1e-15, "prediction element " + i);
            assertEquals(-expected, t.grad().toDoubleArray()[i], 1e-15, "target element " + i);
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Tensor p = Tensor.normal(new Generator(5), 0, 1, DataType.FLOAT64, 3, 4);
        Tensor t = Tensor.normal(new Generator(6), 0, 1, DataType.FLOAT64, 3, 4);
        for (Reduction reduction : Reduction.values()) {
            Loss mse = new MeanSquaredError(reduction);
            Loss l1 = new L1Loss(reduction);
            GradientCheck.assertClose("mse " + reduction, in -> mse.forward(in.get(0), in.get(1)), List.of(p, t));
            GradientCheck.assertClose("l1 " + reduction, in -> l1.forward(in.get(0), in.get(1)), List.of(p, t));
        }
    }

    @Test
    void broadcastableShapesAreRejected() {
        Tensor p = Tensor.zeros(4, 3);
        IllegalArgumentException mse = assertThrows(IllegalArgumentException.class,
                () -> new MeanSquaredError().forward(p, Tensor.zeros(3)));
        assertEquals("MeanSquaredError: prediction shape [4, 3] and target shape [3] differ; the contract is "
                + "prediction and target of the same shape, and they are never broadcast against each other",
                mse.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MeanSquaredError().forward(p, Tensor.zeros(4, 1)));
        assertThrows(IllegalArgumentException.class, () -> new L1Loss().forward(Tensor.zeros(4), Tensor.zeros(4, 1)));
    }

    @Test
    void mixedDataTypesAreRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new MeanSquaredError().forward(Tensor.zeros(2), Tensor.zeros(DataType.FLOAT64, 2)));
        assertEquals("MeanSquaredError: prediction type float32 and target type float64 differ; convert the target "
                + "with toType(DataType.FLOAT32)", error.getMessage());
    }

    @Test
    void emptyInputGivesNanMeanAndZeroSum() {
        Tensor empty = Tensor.zeros(0, 3);
        assertEquals(Double.NaN, new MeanSquaredError().forward(empty, empty).item());
        assertEquals(0.0, new MeanSquaredError(Reduction.SUM).forward(empty, empty).item());
    }
}
