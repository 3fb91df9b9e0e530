package org.cortexj.nn.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cortexj.autograd.GradientCheck;
import org.cortexj.backend.DataType;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SoftmaxTest {

    private static Tensor randomLogits(int... shape) {
        return Tensor.normal(new Generator(7), 0, 3, DataType.FLOAT64, shape);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, -1, -3})
    void softmaxSlicesSumToOne(int axis) {
        Tensor x = randomLogits(3, 4, 5);
        Tensor sums = Softmax.softmax(x, axis).sum(axis);
        for (double sum : sums.toDoubleArray()) {
            assertEquals(1, sum, 1e-14);
        }
    }

    @Test
    void softmaxMatchesNaiveLoop() {
        double[][] rows = {{1, 2, 3}, {-0.5, 0, 0.5}, {10, -10, 0}};
        Tensor y = Softmax.softmax(Tensor.matrix(rows), 1);
        for (int r = 0; r < rows.length; r++) {
            double total = 0;
            for (double value : rows[r]) {
                total += Math.exp(value);
            }
            for (int c = 0; c < rows[r].length; c++) {
                assertEquals(Math.exp(rows[r][c]) / total, y.get(r, c), 1e-15, "row " + r + " column " + c);
            }
        }
    }

    @Test
    void softmaxOfThousandsIsFinite() {
        for (DataType dataType : new DataType[] {DataType.FLOAT32, DataType.FLOAT64}) {
            Tensor x = Tensor.matrix(new double[][] {{1000, -1000, 0}, {-1000, -1000, -1000}, {1000, 1000, 1000}})
                    .toType(dataType);
            double[] y = Softmax.softmax(x, -1).toDoubleArray();
            assertArrayEquals(new double[] {1, 0, 0, 1 / 3.0, 1 / 3.0, 1 / 3.0, 1 / 3.0, 1 / 3.0, 1 / 3.0}, y,
                    1e-7, dataType.toString());
        }
    }

    @Test
    void logSoftmaxOfThousandsIsExact() {
        Tensor x = Tensor.matrix(new double[][] {{1000, -1000}, {0, -2000}, {-1000, -1000}});
        double[] y = Softmax.logSoftmax(x, 1).toDoubleArray();
        assertArrayEquals(new double[] {0, -2000, 0, -2000, -Math.log(2), -Math.log(2)}, y, 1e-12);
    }

    @Test
    void logSoftmaxEqualsLogOfSoftmax() {
        Tensor x = randomLogits(4, 6);
        assertArrayEquals(Softmax.softmax(x, 1).log().toDoubleArray(), Softmax.logSoftmax(x, 1).toDoubleArray(),
                1e-13);
    }

    @Test
    void logSumExpMatchesNaiveLoop() {
        double[][] rows = {{1, 2, 3}, {-700, -701, -702}, {500, 499, 0}};
        Tensor result = Softmax.logSumExp(Tensor.matrix(rows), 1);
        assertArrayEquals(new int[] {3}, result.shape().dims());
        for (int r = 0; r < rows.length; r++) {
            double max = Math.max(rows[r][0], Math.max(rows[r][1], rows[r][2]));
            double total = 0;
            for (double value : rows[r]) {
                total += Math.exp(value - max);
            }
            assertEquals(max + Math.log(total), result.get(r), 1e-12, "row " + r);
        }
    }

    @Test
    void softmaxGradientsMatchFiniteDifferences() {
        Tensor x = randomLogits(2, 3, 4);
        for (int axis : new int[] {0, 1, 2}) {
            GradientCheck.assertClose("softmax axis " + axis, in -> Softmax.softmax(in.get(0), axis), List.of(x));
            GradientCheck.assertClose("logSoftmax axis " + axis, in -> Softmax.logSoftmax(in.get(0), axis),
                    List.of(x));
            GradientCheck.assertClose("logSumExp axis " + axis, in -> Softmax.logSumExp(in.get(0), axis),
                    List.of(x));
        }
    }

    /** d softmax / dx is diag(s) − s·sᵀ; with upstream dy the input gradient is s·(dy − Σ s·dy). */
    @Test
    void softmaxGradientMatchesHandDerivation() {
        double[] logits = {0.3, -1.2, 2.0, 0.0};
        double[] upstream = {1.0, -2.0, 0.5, 3.0};
        Tensor x = Tensor.of(logits, 4).setRequiresGrad(true);
        Tensor s = Softmax.softmax(x, 0);
        s.backward(Tensor.of(upstream, 4));

        double[] probabilities = s.toDoubleArray();
        double dot = 0;
        for (int i = 0; i < 4; i++) {
            dot += probabilities[i] * upstream[i];
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(probabilities[i] * (upstream[i] - dot), x.grad().get(i), 1e-15, "element " + i);
        }
    }

    @Test
    void softmaxGradientAtThousandsIsFinite() {
        Tensor x = Tensor.of(new float[] {1000, -1000, 0, 999}, 1, 4).setRequiresGrad(true);
        Softmax.logSoftmax(x, 1).select(1, 0).sum().backward();
        for (float value : x.grad().toFloatArray()) {
            assertTrue(Float.isFinite(value), "gradient " + value);
        }
    }

    @Test
    void emptyInputGivesEmptyOutput() {
        assertArrayEquals(new int[] {0, 3}, Softmax.softmax(Tensor.zeros(0, 3), 1).shape().dims());
        assertArrayEquals(new int[] {2, 0}, Softmax.logSoftmax(Tensor.zeros(2, 0), 1).shape().dims());
    }

    @Test
    void axisOutOfRangeIsRejected() {
        Tensor x = Tensor.zeros(2, 3);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Softmax.softmax(x, 2));
        assertEquals("softmax: axis 2 is out of range for rank 2; valid axes are -2 to 1", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Softmax.logSoftmax(x, -3));
        assertThrows(IllegalArgumentException.class, () -> Softmax.logSumExp(x, 5));
    }
}
