package org.cortexj.tensor;

import static org.cortexj.tensor.TensorAssertions.assertFailsWith;
import static org.cortexj.tensor.TensorAssertions.assertShape;
import static org.cortexj.tensor.TensorAssertions.assertValuesClose;
import static org.cortexj.tensor.TensorAssertions.assertValuesExact;
import static org.cortexj.tensor.TensorAssertions.iota;
import static org.cortexj.tensor.TensorAssertions.readByIndex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TensorViewTest {

    // ---------------------------------------------------------------- reshape and view

    @Test
    void reshapeContiguousSharesStorage() {
        Tensor x = iota(2, 3, 4);
        Tensor y = x.reshape(4, 6);

        assertShape(y, 4, 6);
        assertValuesExact(x.toDoubleArray(), y);
        assertSame(x.buffer(), y.buffer());

        x.set(100, 1, 2, 3);
        assertEquals(100, y.get(3, 5));
    }

    @Test
    void reshapeInfersMinusOneSize() {
        Tensor x = iota(2, 3, 4);

        assertShape(x.reshape(-1, 4), 6, 4);
        assertShape(x.reshape(2, -1), 2, 12);
        assertShape(x.reshape(-1), 24);
        assertShape(x.reshape(3, -1, 2), 3, 4, 2);
        assertShape(Tensor.zeros(0, 3).reshape(-1, 3), 0, 3);
    }

    @Test
    void reshapeRejectsInvalidSizes() {
        Tensor x = iota(2, 3);

        assertFailsWith(IllegalArgumentException.class, () -> x.reshape(-1, -1), "only one size may be -1");
        assertFailsWith(IllegalArgumentException.class, () -> x.reshape(-1, 4), "cannot infer", "[2, 3]");
        assertFailsWith(IllegalArgumentException.class, () -> x.reshape(5), "has 6 elements", "[5]");
        assertFailsWith(IllegalArgumentException.class, () -> x.reshape(-2, 3), "-2");
        assertFailsWith(IllegalArgumentException.class, () -> Tensor.zeros(0, 3).reshape(-1, 0), "cannot infer");
    }

    @Test
    void reshapeOfTransposeCopies() {
        Tensor x = iota(2, 3);
        Tensor flat = x.transpose(0, 1).reshape(6);

        assertValuesExact(new double[] {0, 3, 1, 4, 2, 5}, flat);
        assertNotSame(x.buffer(), flat.buffer());

        x.set(-1, 0, 0);
        assertEquals(0, flat.get(0), "a copy must not see later writes");
    }

    @Test
    void viewOfTransposeFailsClearly() {
        Tensor transposed = iota(2, 3).transpose(0, 1);

        assertFailsWith(IllegalArgumentException.class, () -> transposed.view(6),
                "view: cannot view shape [3, 2]", "[1, 3]", "as [6]", "contiguous()");
    }

    @Test
    void viewSplitsStridedAxisWithoutCopy() {
        Tensor x = iota(4, 6);
        Tensor left = x.narrow(1, 0, 3);

        Tensor split = left.view(2, 2, 3);

        assertSame(x.buffer(), split.buffer());
        assertArrayEquals(new int[] {12, 6, 1}, split.layout().strides());
        assertEquals(6 + 2, split.get(0, 1, 2));
        assertEquals(3 * 6 + 1, split.get(1, 1, 1));
        assertFailsWith(IllegalArgumentException.class, () -> left.view(12), "view: cannot view");
    }

    @Test
    void viewOfReversedAxisKeepsNegativeStride() {
        Tensor reversed = iota(6).slice(0, -1, -7, -1);

        Tensor grid = reversed.view(2, 3);

        assertArrayEquals(new int[] {-3, -1}, grid.layout().strides());
        assertValuesExact(new double[] {5, 4, 3, 2, 1, 0}, grid);
        assertShape(reversed.unsqueeze(0), 1, 6);
        assertValuesExact(new double[] {5, 4, 3, 2, 1, 0}, reversed.unsqueeze(1));
    }

    @Test
    void flattenMergesAxisRange() {
        Tensor x = iota(2, 3, 4, 5);

        assertShape(x.flatten(1, 2), 2, 12, 5);
        assertShape(x.flatten(0, -1), 120);
        assertShape(x.flatten(), 120);
        assertShape(Tensor.scalar(3).flatten(), 1);
        assertValuesExact(x.toDoubleArray(), x.flatten(1, 2));
        assertFailsWith(IllegalArgumentException.class, () -> x.flatten(2, 1), "comes after");
    }

    // ---------------------------------------------------------------- transpose and permute

    @Test
    void transposeSwapsTwoAxes() {
        Tensor x = iota(2, 3, 4);
        Tensor t = x.transpose(0, 2);

        assertShape(t, 4, 3, 2);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 2; k++) {
                    assertEquals(k * 12 + j * 4 + i, t.get(i, j, k), "element " + i + "," + j + "," + k);
                }
            }
        }
        assertValuesExact(t.toDoubleArray(), x.transpose(-1, -3));
        assertFalse(t.isContiguous());
    }

    @Test
    void permuteReordersAllAxes() {
        Tensor x = iota(2, 3, 4);
        Tensor p = x.permute(2, 0, 1);

        assertShape(p, 4, 2, 3);
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 2; b++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(b * 12 + c * 4 + a, p.get(a, b, c));
                }
            }
        }
        assertValuesExact(p.toDoubleArray(), x.permute(-1, 0, -2));
        assertValuesExact(x.toDoubleArray(), p.permute(1, 2, 0));
    }

    @Test
    void permuteRejectsInvalidOrders() {
        Tensor x = iota(2, 3, 4);

        assertFailsWith(IllegalArgumentException.class, () -> x.permute(0, 0, 1), "appears twice");
        assertFailsWith(IllegalArgumentException.class, () -> x.permute(0, 1), "has 2 axes");
        assertFailsWith(IllegalArgumentException.class, () -> x.permute(0, 1, 3), "axis 3 is out of range");
        assertFailsWith(IllegalArgumentException.class, () -> x.transpose(0, 5), "transpose: axis 5");
    }

    // ---------------------------------------------------------------- slice, narrow, select

    @Test
    void sliceWithPositiveStep() {
        Tensor x = iota(10);

        assertValuesExact(new double[] {1, 4, 7}, x.slice(0, 1, 8, 3));
        assertValuesExact(new double[] {1, 4, 7}, x.slice(0, 1, 9, 3));
        assertValuesExact(new double[] {7, 8}, x.slice(0, -3, -1, 1));
        assertValuesExact(new double[] {0, 2, 4, 6, 8}, x.slice(0, 0, 10, 2));
    }

    @Test
    void sliceWithNegativeStep() {
        Tensor x = iota(10);

        assertValuesExact(new double[] {8, 6, 4}, x.slice(0, 8, 2, -2));
        assertValuesExact(new double[] {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}, x.slice(0, -1, -11, -1));
        assertValuesExact(new double[] {9, 6, 3, 0}, x.slice(0, 100, -100, -3));
        assertValuesExact(new double[] {3, 2, 1}, x.slice(0, 3, 0, -1));
        assertValuesExact(new double[] {}, x.slice(0, 2, 5, -1));
    }

    @Test
    void sliceClipsOutOfRangeBounds() {
        Tensor x = iota(10);

        assertValuesExact(x.toDoubleArray(), x.slice(0, -100, 100, 1));
        assertShape(x.slice(0, 5, 2, 1), 0);
        assertShape(x.slice(0, 12, 20, 1), 0);
        assertShape(x.slice(0, -20, -15, 1), 0);
        assertShape(x.slice(0, -20, -15, -1), 0);
    }

    @Test
    void sliceOfSliceComposes() {
        Tensor x = iota(12);

        Tensor evens = x.slice(0, 2, 10, 2);
        Tensor backwards = evens.slice(0, 3, 0, -1);

        assertValuesExact(new double[] {2, 4, 6, 8}, evens);
        assertValuesExact(new double[] {8, 6, 4}, backwards);
        assertSame(x.buffer(), backwards.buffer());
    }

    @Test
    void sliceInnerAxisBackwards() {
        Tensor x = iota(3, 4);
        Tensor columns = x.slice(1, 3, 0, -1);

        assertShape(columns, 3, 3);
        assertValuesExact(new double[] {3, 2, 1, 7, 6, 5, 11, 10, 9}, columns);
        assertValuesExact(readByIndex(columns), columns);
    }

    @Test
    void sliceRejectsZeroStep() {
        assertFailsWith(IllegalArgumentException.class, () -> iota(4).slice(0, 0, 4, 0), "step must be nonzero");
    }

    @Test
    void narrowTakesLengthElements() {
        Tensor x = iota(3, 5);
        Tensor middle = x.narrow(1, 1, 3);

        assertShape(middle, 3, 3);
        assertValuesExact(new double[] {1, 2, 3, 6, 7, 8, 11, 12, 13}, middle);
        assertShape(x.narrow(0, 3, 0), 0, 5);
    }

    @Test
    void narrowCountsNegativeStartFromEnd() {
        assertValuesExact(new double[] {3, 4}, iota(5).narrow(0, -2, 2));
    }

    @Test
    void narrowRejectsRangePastEnd() {
        Tensor x = iota(5);

        assertFailsWith(IllegalArgumentException.class, () -> x.narrow(0, 3, 5), "narrow", "3", "5");
        assertFailsWith(IllegalArgumentException.class, () -> x.narrow(0, 6, 0), "narrow");
        assertFailsWith(IllegalArgumentException.class, () -> x.narrow(0, 1, -1), "narrow");
    }

    @Test
    void selectRemovesOneAxis() {
        Tensor x = iota(2, 3, 4);

        Tensor middle = x.select(1, 2);
        assertShape(middle, 2, 4);
        assertValuesExact(new double[] {8, 9, 10, 11, 20, 21, 22, 23}, middle);

        Tensor last = x.select(-1, -1);
        assertShape(last, 2, 3);
        assertValuesExact(new double[] {3, 7, 11, 15, 19, 23}, last);

        assertShape(iota(4).select(0, 1), new int[0]);
        assertEquals(1, iota(4).select(0, 1).item());
        assertFailsWith(IndexOutOfBoundsException.class, () -> x.select(1, 3), "index 3", "size 3");
        assertFailsWith(IndexOutOfBoundsException.class, () -> x.select(1, -4), "index -4");
    }

    // ---------------------------------------------------------------- expand, squeeze, unsqueeze

    @Test
    void expandUsesStrideZero() {
        Tensor column = Tensor.of(new double[] {1, 2, 3}, 3, 1);
        Tensor wide = column.expand(3, 4);

        assertShape(wide, 3, 4);
        assertArrayEquals(new int[] {1, 0}, wide.layout().strides());
        assertValuesExact(new double[] {1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3}, wide);

        Tensor rows = Tensor.of(new double[] {1, 2, 3}, 3).expand(2, 3);
        assertArrayEquals(new int[] {0, 1}, rows.layout().strides());
        assertValuesExact(new double[] {1, 2, 3, 1, 2, 3}, rows);
        assertSame(column.buffer(), wide.buffer());
    }

    @Test
    void expandRejectsIncompatibleShape() {
        Tensor x = Tensor.of(new double[] {1, 2, 3}, 3);

        assertFailsWith(IllegalArgumentException.class, () -> x.expand(4), "[3]", "[4]");
        assertFailsWith(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).expand(3), "expand");
    }

    @Test
    void squeezeRemovesSizeOneAxes() {
        Tensor x = iota(1, 3, 1, 2);

        assertShape(x.squeeze(), 3, 2);
        assertShape(x.squeeze(2), 1, 3, 2);
        assertShape(x.squeeze(-4), 3, 1, 2);
        assertValuesExact(x.toDoubleArray(), x.squeeze());
        assertSame(x.buffer(), x.squeeze().buffer());
        assertFailsWith(IllegalArgumentException.class, () -> x.squeeze(1), "axis 1 has size 3");
    }

    @Test
    void unsqueezeInsertsSizeOneAxis() {
        Tensor x = iota(3, 2);

        assertShape(x.unsqueeze(0), 1, 3, 2);
        assertShape(x.unsqueeze(1), 3, 1, 2);
        assertShape(x.unsqueeze(-1), 3, 2, 1);
        assertShape(x.unsqueeze(2), 3, 2, 1);
        assertShape(Tensor.scalar(1).unsqueeze(0), 1);
        assertValuesExact(x.toDoubleArray(), x.transpose(0, 1).unsqueeze(1).transpose(0, 2).squeeze());
        assertFailsWith(IllegalArgumentException.class, () -> x.unsqueeze(4), "unsqueeze: axis 4");
    }

    @Test
    void contiguousCopiesOnlyWhenNeeded() {
        Tensor x = iota(3, 4);
        assertSame(x, x.contiguous());

        Tensor transposed = x.transpose(0, 1).contiguous();
        assertTrue(transposed.isContiguous());
        assertNotSame(x.buffer(), transposed.buffer());
        assertValuesExact(new double[] {0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11}, transposed);

        Tensor shifted = x.narrow(0, 1, 2).contiguous();
        assertEquals(0, shifted.layout().offset());
        assertValuesExact(new double[] {4, 5, 6, 7, 8, 9, 10, 11}, shifted);
    }

    // ---------------------------------------------------------------- shared storage

    @Test
    void viewsSeeWritesBothWays() {
        Tensor x = iota(3, 4);
        Tensor column = x.select(1, 2);
        Tensor reversed = x.slice(0, -1, -4, -1);

        x.set(50, 1, 2);
        assertEquals(50, column.get(1));
        assertEquals(50, reversed.get(1, 2));

        column.set(-7, 0);
        assertEquals(-7, x.get(0, 2));

        reversed.select(0, 0).assign(Tensor.full(9, x.dataType(), 4));
        assertValuesExact(new double[] {9, 9, 9, 9}, x.select(0, 2));

        x.assign(Tensor.zeros(x.dataType(), 3, 4));
        assertValuesExact(new double[] {0, 0, 0}, column);
    }

    @Test
    void viewsOfLazyTensorShareResult() {
        Tensor lazy = iota(2, 3).add(1);
        Tensor view = lazy.transpose(0, 1);

        assertFalse(lazy.isLazy());
        lazy.set(-1, 0, 0);
        assertEquals(-1, view.get(0, 0));
    }

    // ---------------------------------------------------------------- views feeding other ops

    @Test
    void stridedViewsFeedElementwiseOps() {
        Tensor x = iota(3, 4).div(4);
        Tensor transposed = x.transpose(0, 1);
        Tensor reversed = x.slice(1, -1, -5, -1);

        Tensor a = transposed.mul(2).add(transposed.exp());
        Tensor b = reversed.add(1).mul(reversed);

        double[] expectedA = new double[12];
        double[] expectedB = new double[12];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                double v = (j * 4 + i) / 4.0;
                expectedA[i * 3 + j] = 2 * v + Math.exp(v);
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                double v = (i * 4 + 3 - j) / 4.0;
                expectedB[i * 4 + j] = (v + 1) * v;
            }
        }
        assertValuesClose(expectedA, a, 1e-12);
        assertValuesExact(expectedB, b);
    }

    @Test
    void stridedViewsFeedReductions() {
        Tensor x = iota(3, 4);
        Tensor transposed = x.transpose(0, 1);
        Tensor reversed = x.slice(0, -1, -4, -1).slice(1, -1, -5, -2);

        assertValuesExact(new double[] {6, 22, 38}, transposed.sum(0));
        assertValuesExact(new double[] {12, 15, 18, 21}, transposed.sum(1));
        assertValuesExact(new double[] {11 + 9, 7 + 5, 3 + 1}, reversed.sum(1));
        assertValuesExact(new double[] {11, 9}, reversed.max(0));
        assertArrayEquals(new int[] {0, 0, 0}, reversed.argmax(1, false).toIntArray());
        assertArrayEquals(new int[] {2, 2}, reversed.argmin(0, false).toIntArray());
        assertEquals(11 + 9 + 7 + 5 + 3 + 1, reversed.sum().item());
    }

    @Test
    void broadcastViewFeedsElementwise() {
        Tensor column = Tensor.of(new double[] {1, 2}, 2, 1).expand(2, 3);
        Tensor row = Tensor.of(new double[] {10, 20, 30}, 3).expand(2, 3);

        assertValuesExact(new double[] {11, 21, 31, 12, 22, 32}, column.add(row));
        assertValuesExact(new double[] {1 + 1 + 1, 2 + 2 + 2}, column.sum(1));
    }

    @Test
    void stridedViewsFeedMatmul() {
        Tensor x = iota(3, 4).div(3);
        Tensor y = iota(5, 4).sub(7);
        Tensor left = x.slice(1, -1, -5, -1);
        Tensor right = y.transpose(0, 1).slice(1, 0, 5, 2);

        Tensor product = left.matmul(right);

        double[] a = readByIndex(left);
        double[] b = readByIndex(right);
        double[] expected = new double[3 * 3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double sum = 0;
                for (int p = 0; p < 4; p++) {
                    sum += a[i * 4 + p] * b[p * 3 + j];
                }
                expected[i * 3 + j] = sum;
            }
        }
        assertShape(product, 3, 3);
        assertValuesClose(expected, product, 1e-12);
    }
}
