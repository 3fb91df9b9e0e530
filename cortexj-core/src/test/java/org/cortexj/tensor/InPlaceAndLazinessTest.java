package org.cortexj.tensor;

import static org.cortexj.tensor.TensorAssertions.assertFailsWith;
import static org.cortexj.tensor.TensorAssertions.assertShape;
import static org.cortexj.tensor.TensorAssertions.assertValuesClose;
import static org.cortexj.tensor.TensorAssertions.assertValuesExact;
import static org.cortexj.tensor.TensorAssertions.iota;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.cortexj.autograd.GradMode;
import org.cortexj.backend.BinaryOp;
import org.cortexj.backend.DataType;
import org.cortexj.backend.UnaryOp;
import org.junit.jupiter.api.Test;

class InPlaceAndLazinessTest {

    // ---------------------------------------------------------------- in-place arithmetic

    @Test
    void inPlaceArithmeticWithScalars() {
        Tensor x = Tensor.of(new float[] {1, 2, 3}, 3);

        assertSame(x, x.addInPlace(1));
        assertValuesExact(new double[] {2, 3, 4}, x);
        x.subInPlace(0.5);
        assertValuesExact(new double[] {1.5, 2.5, 3.5}, x);
        x.mulInPlace(2);
        assertValuesExact(new double[] {3, 5, 7}, x);
        x.divInPlace(4);
        assertValuesExact(new double[] {0.75, 1.25, 1.75}, x);
        assertEquals(DataType.FLOAT32, x.dataType());
    }

    @Test
    void inPlaceArithmeticBroadcastsOperand() {
        Tensor x = iota(2, 3);
        Tensor row = Tensor.of(new double[] {10, 20, 30}, 3);
        Tensor column = Tensor.of(new double[] {2, 4}, 2, 1);

        x.addInPlace(row);
        assertValuesExact(new double[] {10, 21, 32, 13, 24, 35}, x);
        x.subInPlace(row);
        assertValuesExact(new double[] {0, 1, 2, 3, 4, 5}, x);
        x.mulInPlace(column);
        assertValuesExact(new double[] {0, 2, 4, 12, 16, 20}, x);
        x.divInPlace(column);
        assertValuesExact(new double[] {0, 1, 2, 3, 4, 5}, x);
        x.applyInPlace(BinaryOp.MAXIMUM, Tensor.scalar(2.5, DataType.FLOAT64));
        assertValuesExact(new double[] {2.5, 2.5, 2.5, 3, 4, 5}, x);
        x.applyInPlace(UnaryOp.SQUARE);
        assertValuesExact(new double[] {6.25, 6.25, 6.25, 9, 16, 25}, x);
    }

    @Test
    void inPlaceRejectsShapeChange() {
        Tensor x = Tensor.zeros(3);

        assertFailsWith(IllegalArgumentException.class, () -> x.addInPlace(Tensor.ones(2, 3)),
                "addInPlace", "[2, 3]", "cannot change the target's shape");
        assertFailsWith(IllegalArgumentException.class, () -> x.assign(Tensor.ones(4)), "assign: cannot broadcast");
    }

    @Test
    void inPlaceBumpsBufferVersion() {
        Tensor x = Tensor.zeros(3);
        int before = x.buffer().version();

        x.addInPlace(1);
        x.set(5, 0);
        x.fill(2);

        assertEquals(before + 3, x.buffer().version());
    }

    // ---------------------------------------------------------------- assign, into, fill

    @Test
    void assignBroadcastsValue() {
        Tensor x = Tensor.zeros(DataType.FLOAT64, 2, 3);

        x.assign(Tensor.of(new double[] {1, 2, 3}, 3));
        assertValuesExact(new double[] {1, 2, 3, 1, 2, 3}, x);
        x.assign(Tensor.of(new double[] {7, 8}, 2, 1));
        assertValuesExact(new double[] {7, 7, 7, 8, 8, 8}, x);
        x.assign(Tensor.scalar(-1, DataType.FLOAT64));
        assertValuesExact(new double[] {-1, -1, -1, -1, -1, -1}, x);
    }

    @Test
    void assignConvertsValueType() {
        Tensor x = Tensor.zeros(DataType.FLOAT32, 2);

        x.assign(Tensor.of(new double[] {0.1, 1e300}, 2));

        assertEquals(DataType.FLOAT32, x.dataType());
        assertValuesExact(new double[] {0.1f, Double.POSITIVE_INFINITY}, x);
    }

    @Test
    void intoWritesIntoOutput() {
        Tensor a = Tensor.of(new double[] {1, 2, 3}, 3);
        Tensor out = Tensor.zeros(DataType.FLOAT64, 2, 3);

        Tensor result = a.mul(2).add(1).into(out);

        assertSame(out, result);
        assertValuesExact(new double[] {3, 5, 7, 3, 5, 7}, out);
        assertFailsWith(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).into(Tensor.zeros(3)),
                "assign", "[2, 3]");
    }

    @Test
    void fillSetsEveryElement() {
        Tensor x = iota(2, 2);

        assertSame(x, x.fill(Double.NaN));
        assertValuesExact(new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN}, x);
        x.fill(-0.0);
        assertValuesExact(new double[] {-0.0, -0.0, -0.0, -0.0}, x);
    }

    @Test
    void fillOnFreshThread() throws Exception {
        CompletableFuture<double[]> values = CompletableFuture.supplyAsync(
                () -> Tensor.full(2, DataType.FLOAT64, 3).toDoubleArray(), task -> new Thread(task).start());

        assertValuesExact(new double[] {2, 2, 2}, Tensor.of(values.get(), 3));
    }

    @Test
    void fillAfterOtherEvaluations() {
        Tensor other = Tensor.of(new double[] {5, 6, 7}, 3).exp().mul(2);
        other.realize();

        Tensor filled = Tensor.zeros(DataType.FLOAT64, 3).fill(-4);

        assertValuesExact(new double[] {-4, -4, -4}, filled);
    }

    @Test
    void writesThroughStridedViews() {
        Tensor x = Tensor.zeros(DataType.FLOAT64, 4, 4);

        x.slice(1, 0, 4, 2).fill(1);
        x.transpose(0, 1).select(0, 1).assign(Tensor.of(new double[] {5, 6, 7, 8}, 4));
        x.select(0, 3).slice(0, -1, -5, -1).assign(Tensor.of(new double[] {1, 2, 3, 4}, 4));
        x.narrow(0, 1, 2).narrow(1, 2, 2).addInPlace(10);

        assertValuesExact(new double[] {
            1, 5, 1, 0,
            1, 6, 11, 10,
            1, 7, 11, 10,
            4, 3, 2, 1}, x);
    }

    @Test
    void largeWritesThroughStridedViews() {
        Tensor x = Tensor.zeros(DataType.FLOAT64, 300, 400);
        Tensor y = Tensor.zeros(DataType.FLOAT64, 300, 400);

        x.transpose(0, 1).assign(iota(400, 300).mul(2));
        y.slice(1, -1, -401, -1).assign(iota(300, 400).add(iota(400)));

        double[] expectedX = new double[300 * 400];
        double[] expectedY = new double[300 * 400];
        for (int i = 0; i < 300; i++) {
            for (int j = 0; j < 400; j++) {
                expectedX[i * 400 + j] = 2.0 * (j * 300 + i);
                expectedY[i * 400 + j] = (i * 400 + 399 - j) + (399 - j);
            }
        }
        assertValuesExact(expectedX, x);
        assertValuesExact(expectedY, y);
    }

    @Test
    void writeIntoBroadcastViewIsRejected() {
        Tensor x = Tensor.ones(3).expand(2, 3);

        assertFailsWith(IllegalArgumentException.class, () -> x.fill(0), "broadcast view", "axis 0 has stride 0");
        assertFailsWith(IllegalArgumentException.class, () -> x.addInPlace(1), "addInPlace", "broadcast view");
        assertFailsWith(IllegalArgumentException.class, () -> x.set(2, 0, 0), "set", "broadcast view");
    }

    @Test
    void inPlaceOnGradTensorIsRejected() {
        Tensor x = Tensor.ones(DataType.FLOAT64, 3).setRequiresGrad(true);

        assertFailsWith(IllegalStateException.class, () -> x.addInPlace(1),
                "addInPlace: tensor of shape [3] requires grad", "GradMode.disable()");
        assertFailsWith(IllegalStateException.class, () -> x.set(0, 1), "set");
        assertFailsWith(IllegalStateException.class, () -> x.assign(Tensor.zeros(DataType.FLOAT64, 3)), "assign");
        assertValuesExact(new double[] {1, 1, 1}, x);

        try (GradMode.Scope ignored = GradMode.disable()) {
            x.addInPlace(1);
        }
        assertValuesExact(new double[] {2, 2, 2}, x);
    }

    // ---------------------------------------------------------------- laziness

    @Test
    void lazyResultKeepsOldInput() {
        Tensor x = Tensor.of(new double[] {0, 1, 2}, 3);
        Tensor y = x.exp();
        assertTrue(y.isLazy());

        x.addInPlace(1);

        assertValuesClose(new double[] {1, Math.E, Math.exp(2)}, y, 1e-14);
        assertValuesExact(new double[] {1, 2, 3}, x);
    }

    @Test
    void lazyResultSurvivesEveryWriteKind() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2);
        Tensor viaSet = x.mul(10);
        x.set(0, 0, 0);
        Tensor viaAssign = x.mul(10);
        x.assign(Tensor.scalar(5, DataType.FLOAT64));
        Tensor viaView = x.mul(10);
        x.select(1, 0).fill(-1);
        Tensor viaFill = x.add(0);
        x.fill(9);

        assertValuesExact(new double[] {10, 20, 30, 40}, viaSet);
        assertValuesExact(new double[] {0, 20, 30, 40}, viaAssign);
        assertValuesExact(new double[] {50, 50, 50, 50}, viaView);
        assertValuesExact(new double[] {-1, 5, -1, 5}, viaFill);
    }

    @Test
    void lazyChainOnViewKeepsOldInput() {
        Tensor x = iota(2, 3);
        Tensor transposed = x.transpose(0, 1);
        Tensor first = transposed.mul(2);
        Tensor second = first.add(1);

        x.fill(0);

        assertValuesExact(new double[] {1, 7, 3, 9, 5, 11}, second);
        assertValuesExact(new double[] {0, 6, 2, 8, 4, 10}, first);
    }

    @Test
    void inPlaceOnLazyTargetLeavesSource() {
        Tensor x = Tensor.of(new double[] {1, 2}, 2);
        Tensor y = x.add(1);

        y.mulInPlace(3);

        assertValuesExact(new double[] {6, 9}, y);
        assertValuesExact(new double[] {1, 2}, x);
    }

    @Test
    void consumerOfLazyTargetKeepsOldValue() {
        Tensor x = Tensor.of(new double[] {1, 2}, 2);
        Tensor target = x.add(1);
        Tensor consumer = target.mul(2);

        target.addInPlace(5);

        assertValuesExact(new double[] {4, 6}, consumer);
        assertValuesExact(new double[] {7, 8}, target);
    }

    @Test
    void pendingCastKeepsOldValue() {
        Tensor x = Tensor.of(new double[] {1.5, 2.5}, 2);
        Tensor floats = x.toType(DataType.FLOAT32);

        x.fill(0);

        assertValuesExact(new double[] {1.5, 2.5}, floats);
    }

    @Test
    void assignTransposeHandlesOverlap() {
        Tensor x = iota(3, 3);

        x.assign(x.transpose(0, 1));

        assertValuesExact(new double[] {0, 3, 6, 1, 4, 7, 2, 5, 8}, x);
    }

    @Test
    void inPlaceAddOfOwnTranspose() {
        Tensor x = iota(3, 3);

        x.addInPlace(x.transpose(0, 1));

        assertValuesExact(new double[] {0, 4, 8, 4, 8, 12, 8, 12, 16}, x);
    }

    @Test
    void assignShiftedOverlappingRange() {
        Tensor x = iota(10);

        x.narrow(0, 1, 9).assign(x.narrow(0, 0, 9));
        assertValuesExact(new double[] {0, 0, 1, 2, 3, 4, 5, 6, 7, 8}, x);

        Tensor y = iota(6);
        y.assign(y.slice(0, -1, -7, -1));
        assertValuesExact(new double[] {5, 4, 3, 2, 1, 0}, y);
    }

    @Test
    void assignLazyValueReadingTarget() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2);

        x.assign(x.transpose(0, 1).mul(10).add(x));

        assertValuesExact(new double[] {11, 32, 23, 44}, x);
    }

    @Test
    void longLazyChainEvaluatesCorrectly() {
        double[] start = {0.5, -1.25, 2, 3.5, -0.75};
        Tensor x = Tensor.of(start, start.length);
        Tensor y = x;
        double[] expected = start.clone();
        for (int step = 0; step < 200; step++) {
            switch (step % 4) {
                case 0 -> y = y.mul(1.01);
                case 1 -> y = y.add(x);
                case 2 -> y = y.sub(0.25);
                default -> y = y.mul(0.5);
            }
            for (int i = 0; i < expected.length; i++) {
                expected[i] = switch (step % 4) {
                    case 0 -> expected[i] * 1.01;
                    case 1 -> expected[i] + start[i];
                    case 2 -> expected[i] - 0.25;
                    default -> expected[i] * 0.5;
                };
            }
        }

        assertValuesExact(expected, y);
    }

    @Test
    void doublingChainSharesSubtrees() {
        Tensor x = Tensor.of(new double[] {1, -3, 0.5}, 3);
        Tensor y = x;
        for (int step = 0; step < 200; step++) {
            y = y.add(y);
        }

        assertValuesExact(new double[] {0x1.0p200, -3 * 0x1.0p200, 0x1.0p199}, y);
    }

    @Test
    void realizeIsIdempotent() {
        Tensor y = Tensor.of(new double[] {1, 2}, 2).mul(3);

        assertSame(y, y.realize());
        assertFalse(y.isLazy());
        assertSame(y, y.realize());
        assertValuesExact(new double[] {3, 6}, y);
    }

    @Test
    void detachedLazyTensorHasSameValues() {
        Tensor x = Tensor.of(new double[] {1, 2}, 2);
        Tensor detached = x.mul(2).detach();

        x.fill(0);

        assertShape(detached, 2);
        assertValuesExact(new double[] {2, 4}, detached);
    }

    @Test
    void largeFusedChainMatchesLoop() {
        int size = 100_003;
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = (i % 1000) / 100.0 - 5;
        }
        Tensor x = Tensor.of(values, size);
        Tensor y = Tensor.where(x.gt(0), x.mul(x), x.neg().add(3)).mul(0.5).sub(x);

        double[] expected = new double[size];
        for (int i = 0; i < size; i++) {
            double v = values[i];
            expected[i] = (v > 0 ? v * v : -v + 3) * 0.5 - v;
        }
        assertValuesExact(expected, y);
    }
}
