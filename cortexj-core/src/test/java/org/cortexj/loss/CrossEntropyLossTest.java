package org.cortexj.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.cortexj.autograd.GradientCheck;
import org.cortexj.backend.DataType;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.api.Test;

class CrossEntropyLossTest {

    private static final double[][] LOGITS = {{2.0, -1.0, 0.5}, {0.1, 0.2, 0.3}, {-3.0, 4.0, 1.0}, {0, 0, 0}};
    private static final int[] LABELS = {0, 2, 1, 1};

    /** −log softmax(z)[label] for one row, from the definition. */
    private static double naiveLoss(double[] row, int label) {
        double total = 0;
        for (double value : row) {
            total += Math.exp(value);
        }
        return Math.log(total) - row[label];
    }

    private static Tensor labels() {
        return Tensor.of(LABELS, LABELS.length);
    }

    @Test
    void meanMatchesNaiveLoop() {
        double expected = 0;
        for (int n = 0; n < LABELS.length; n++) {
            expected += naiveLoss(LOGITS[n], LABELS[n]) / LABELS.length;
        }
        Tensor loss = new CrossEntropyLoss().forward(Tensor.matrix(LOGITS), labels());
        assertEquals(0, loss.rank());
        assertEquals(expected, loss.item(), 1e-14);
    }

    @Test
    void sumAndNoneMatchNaiveLoop() {
        Tensor perSample = new CrossEntropyLoss(Reduction.NONE).forward(Tensor.matrix(LOGITS), labels());
        assertArrayEquals(new int[] {4}, perSample.shape().dims());
        double total = 0;
        for (int n = 0; n < LABELS.length; n++) {
            double expected = naiveLoss(LOGITS[n], LABELS[n]);
            assertEquals(expected, perSample.get(n), 1e-14, "sample " + n);
            total += expected;
        }
        Tensor sum = new CrossEntropyLoss(Reduction.SUM).forward(Tensor.matrix(LOGITS), labels());
        assertEquals(total, sum.item(), 1e-13);
    }

    /** For the mean, dLoss/dz = (softmax(z) − onehot(label)) / N. */
    @Test
    void gradientIsSoftmaxMinusOneHot() {
        Tensor logits = Tensor.matrix(LOGITS).setRequiresGrad(true);
        new CrossEntropyLoss().forward(logits, labels()).backward();

        for (int n = 0; n < LABELS.length; n++) {
            double total = 0;
            for (double value : LOGITS[n]) {
                total += Math.exp(value);
            }
            for (int c = 0; c < 3; c++) {
                double oneHot = c == LABELS[n] ? 1 : 0;
                double expected = (Math.exp(LOGITS[n][c]) / total - oneHot) / LABELS.length;
                assertEquals(expected, logits.grad().get(n, c), 1e-15, "sample " + n + " class " + c);
            }
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        Tensor logits = Tensor.normal(new Generator(11), 0, 2, DataType.FLOAT64, 5, 4);
        Tensor labels = Tensor.of(new int[] {3, 0, 1, 1, 2}, 5);
        for (Reduction reduction : Reduction.values()) {
            CrossEntropyLoss loss = new CrossEntropyLoss(reduction);
            GradientCheck.assertClose("cross-entropy " + reduction, in -> loss.forward(in.get(0), in.get(1)),
                    List.of(logits, labels));
        }
    }

    @Test
    void extremeLogitsGiveFiniteLoss() {
        Tensor logits = Tensor.matrix(new float[][] {{1000, -1000, 0}, {-1000, -1000, -1000}, {1000, 0, 0}})
                .setRequiresGrad(true);
        Tensor loss = new CrossEntropyLoss(Reduction.NONE).forward(logits, Tensor.of(new int[] {1, 2, 0}, 3));
        assertArrayEquals(new double[] {2000, Math.log(3), 0}, loss.toDoubleArray(), 1e-4);
        loss.sum().backward();
        for (float value : logits.grad().toFloatArray()) {
            assertTrue(Float.isFinite(value), "gradient " + value);
        }
    }

    @Test
    void floatLabelsMatchIntegerLabels() {
        Tensor logits = Tensor.matrix(LOGITS);
        Tensor floatLabels = Tensor.of(new double[] {0, 2, 1, 1}, 4);
        assertEquals(new CrossEntropyLoss().forward(logits, labels()).item(),
                new CrossEntropyLoss().forward(logits, floatLabels).item(), 0);
    }

    @Test
    void labelOutsideClassesIsRejected() {
        Tensor logits = Tensor.zeros(3, 5);
        IllegalArgumentException high = assertThrows(IllegalArgumentException.class,
                () -> new CrossEntropyLoss().forward(logits, Tensor.of(new int[] {0, 4, 5}, 3)));
        assertEquals("CrossEntropyLoss: label 5 at position 2 is outside [0, 5) for 5 classes", high.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> new CrossEntropyLoss().forward(logits, Tensor.of(new int[] {-1, 0, 0}, 3)));
        assertEquals("CrossEntropyLoss: label -1 at position 0 is outside [0, 5) for 5 classes",
                negative.getMessage());
    }

    @Test
    void fractionalFloatLabelIsRejected() {
        Tensor logits = Tensor.zeros(DataType.FLOAT64, 2, 3);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new CrossEntropyLoss().forward(logits, Tensor.of(new double[] {1, 1.5}, 2)));
        assertEquals("CrossEntropyLoss: label 1.5 at position 1 is not an integer; labels must be class indices "
                + "in [0, 3)", error.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new CrossEntropyLoss().forward(logits, Tensor.of(new double[] {Double.NaN, 0}, 2)));
    }

    @Test
    void shapeContractViolationsAreRejected() {
        IllegalArgumentException batch = assertThrows(IllegalArgumentException.class,
                () -> new CrossEntropyLoss().forward(Tensor.zeros(4, 3), Tensor.of(new int[] {0, 1, 2}, 3)));
        assertEquals("CrossEntropyLoss: logits shape [4, 3] and labels shape [3] break the contract logits [N, C] "
                + "with labels [N]", batch.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new CrossEntropyLoss().forward(Tensor.zeros(3), Tensor.of(new int[] {0, 1, 2}, 3)));
        assertThrows(IllegalArgumentException.class,
                () -> new CrossEntropyLoss().forward(Tensor.zeros(3, 2), Tensor.of(new int[] {0, 1, 1}, 3, 1)));
    }

    @Test
    void integerLogitsAreRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new CrossEntropyLoss().forward(Tensor.of(new int[] {1, 2}, 1, 2), Tensor.of(new int[] {0}, 1)));
        assertTrue(error.getMessage().startsWith("CrossEntropyLoss: logits must be float32 or float64"),
                error.getMessage());
    }

    /** −Σ_c q_c·log softmax(z)[c] with q = (1 − ε)·onehot + ε/C, from the definition. */
    private static double naiveSmoothedLoss(double[] row, int label, double smoothing) {
        double logTotal = Math.log(Arrays.stream(row).map(Math::exp).sum());
        double loss = 0;
        for (int c = 0; c < row.length; c++) {
            double target = (c == label ? 1 - smoothing : 0) + smoothing / row.length;
            loss -= target * (row[c] - logTotal);
        }
        return loss;
    }

    @Test
    void smoothedLossMatchesNaiveLoop() {
        Tensor perSample = new CrossEntropyLoss(Reduction.NONE, 0.1).forward(Tensor.matrix(LOGITS), labels());
        for (int n = 0; n < LABELS.length; n++) {
            assertEquals(naiveSmoothedLoss(LOGITS[n], LABELS[n], 0.1), perSample.get(n), 1e-14, "sample " + n);
        }
    }

    /** Equal logits give log C whatever ε is; ε = 1 ignores the label entirely. */
    @Test
    void smoothingIdentitiesHoldExactly() {
        Tensor equal = Tensor.zeros(DataType.FLOAT64, 2, 4);
        Tensor loss = new CrossEntropyLoss(Reduction.NONE, 0.3).forward(equal, Tensor.of(new int[] {0, 3}, 2));
        assertArrayEquals(new double[] {Math.log(4), Math.log(4)}, loss.toDoubleArray(), 1e-15);
        Tensor logits = Tensor.matrix(LOGITS);
        double first = new CrossEntropyLoss(Reduction.SUM, 1).forward(logits, labels()).item();
        double second = new CrossEntropyLoss(Reduction.SUM, 1).forward(logits, Tensor.of(new int[] {2, 0, 0, 2}, 4))
                .item();
        assertEquals(first, second, 1e-14);
    }

    /** For the mean, dLoss/dz = (softmax(z) − q)/N with the smoothed target q. */
    @Test
    void smoothedGradientIsSoftmaxMinusTarget() {
        double smoothing = 0.2;
        Tensor logits = Tensor.matrix(LOGITS).setRequiresGrad(true);
        new CrossEntropyLoss(Reduction.MEAN, smoothing).forward(logits, labels()).backward();
        for (int n = 0; n < LABELS.length; n++) {
            double total = Arrays.stream(LOGITS[n]).map(Math::exp).sum();
            for (int c = 0; c < 3; c++) {
                double target = (c == LABELS[n] ? 1 - smoothing : 0) + smoothing / 3;
                double expected = (Math.exp(LOGITS[n][c]) / total - target) / LABELS.length;
                assertEquals(expected, logits.grad().get(n, c), 1e-15, "sample " + n + " class " + c);
            }
        }
    }

    @Test
    void smoothedGradientMatchesFiniteDifferences() {
        Tensor logits = Tensor.normal(new Generator(12), 0, 2, DataType.FLOAT64, 5, 4);
        Tensor labels = Tensor.of(new int[] {3, 0, 1, 1, 2}, 5);
        CrossEntropyLoss loss = new CrossEntropyLoss(Reduction.MEAN, 0.25);
        GradientCheck.assertClose("smoothed cross-entropy", in -> loss.forward(in.get(0), in.get(1)),
                List.of(logits, labels));
    }

    @Test
    void smoothingOutsideUnitIntervalIsRejected() {
        for (double smoothing : new double[] {-0.1, 1.5, Double.NaN}) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> new CrossEntropyLoss(Reduction.MEAN, smoothing));
            assertEquals("CrossEntropyLoss: label smoothing must be in [0, 1], got " + smoothing
                    + "; 0 turns it off and 0.1 is a common choice", error.getMessage());
        }
    }

    @Test
    void nullReductionIsRejected() {
        assertThrows(NullPointerException.class, () -> new CrossEntropyLoss(null));
    }
}
