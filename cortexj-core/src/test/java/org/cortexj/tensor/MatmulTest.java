package org.cortexj.tensor;

import static org.cortexj.tensor.TensorAssertions.assertFailsWith;
import static org.cortexj.tensor.TensorAssertions.assertShape;
import static org.cortexj.tensor.TensorAssertions.assertValuesClose;
import static org.cortexj.tensor.TensorAssertions.readByIndex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.cortexj.backend.DataType;
import org.junit.jupiter.api.Test;

class MatmulTest {

    // ---------------------------------------------------------------- two-dimensional

    @Test
    void matrixProductMatchesNaiveLoop() {
        Tensor a = random(DataType.FLOAT64, 1, 5, 7);
        Tensor b = random(DataType.FLOAT64, 2, 7, 3);

        assertProduct(a, b, 1e-12);
        assertProduct(random(DataType.FLOAT64, 3, 1, 4), random(DataType.FLOAT64, 4, 4, 1), 1e-12);
        assertProduct(random(DataType.FLOAT64, 5, 33, 65), random(DataType.FLOAT64, 6, 65, 17), 1e-11);
    }

    @Test
    void float32ProductMatchesNaiveLoop() {
        Tensor a = random(DataType.FLOAT32, 7, 6, 40);
        Tensor b = random(DataType.FLOAT32, 8, 40, 9);

        Tensor product = a.matmul(b);

        assertEquals(DataType.FLOAT32, product.dataType());
        // Each of the 40 float32 products and sums carries about 6e-8 relative error.
        assertValuesClose(naiveProduct(a, b), product, 1e-5);
    }

    @Test
    void handComputedProduct() {
        Tensor a = Tensor.matrix(new double[][] {{1, 2}, {3, 4}});
        Tensor b = Tensor.matrix(new double[][] {{5, 6}, {7, 8}});

        assertValuesClose(new double[] {19, 22, 43, 50}, a.matmul(b), 0);
        assertValuesClose(new double[] {1, 2, 3, 4}, a.matmul(Tensor.matrix(new double[][] {{1, 0}, {0, 1}})), 0);
    }

    // ---------------------------------------------------------------- batches

    @Test
    void batchedProductBroadcastsBatchAxes() {
        Tensor a = random(DataType.FLOAT64, 9, 2, 1, 3, 4);
        Tensor b = random(DataType.FLOAT64, 10, 5, 4, 2);

        Tensor product = a.matmul(b);

        assertShape(product, 2, 5, 3, 2);
        assertValuesClose(naiveProduct(a, b), product, 1e-12);
    }

    @Test
    void matrixTimesBatch() {
        Tensor a = random(DataType.FLOAT64, 11, 3, 4);
        Tensor b = random(DataType.FLOAT64, 12, 2, 4, 5);

        assertShape(a.matmul(b), 2, 3, 5);
        assertProduct(a, b, 1e-12);
    }

    @Test
    void batchTimesMatrix() {
        Tensor a = random(DataType.FLOAT64, 13, 2, 3, 4);
        Tensor b = random(DataType.FLOAT64, 14, 4, 5);

        assertShape(a.matmul(b), 2, 3, 5);
        assertProduct(a, b, 1e-12);
        assertProduct(a.narrow(2, 1, 3), b.narrow(0, 0, 3), 1e-12);
        assertProduct(a.select(1, 1).unsqueeze(1), b, 1e-12);
    }

    @Test
    void batchWithExpandedOperand() {
        Tensor a = random(DataType.FLOAT64, 15, 1, 3, 4).expand(3, 3, 4);
        Tensor b = random(DataType.FLOAT64, 16, 3, 4, 2);

        assertProduct(a, b, 1e-12);
        assertProduct(b.transpose(-1, -2), a.transpose(-1, -2), 1e-12);
    }

    // ---------------------------------------------------------------- one-dimensional operands

    @Test
    void vectorTimesMatrix() {
        Tensor v = random(DataType.FLOAT64, 17, 4);
        Tensor m = random(DataType.FLOAT64, 18, 4, 5);

        Tensor product = v.matmul(m);

        assertShape(product, 5);
        assertValuesClose(naiveProduct(v.unsqueeze(0), m), product, 1e-12);
    }

    @Test
    void matrixTimesVector() {
        Tensor m = random(DataType.FLOAT64, 19, 3, 4);
        Tensor v = random(DataType.FLOAT64, 20, 4);

        Tensor product = m.matmul(v);

        assertShape(product, 3);
        assertValuesClose(naiveProduct(m, v.unsqueeze(1)), product, 1e-12);
    }

    @Test
    void vectorTimesVector() {
        Tensor a = Tensor.of(new double[] {1, 2, 3}, 3);
        Tensor b = Tensor.of(new double[] {4, -5, 6}, 3);

        Tensor product = a.matmul(b);

        assertShape(product, new int[0]);
        assertEquals(4 - 10 + 18, product.item());
        assertEquals(1 + 4 + 9, a.slice(0, -1, -4, -1).matmul(a.slice(0, -1, -4, -1)).item());
    }

    @Test
    void vectorAgainstBatch() {
        Tensor v = random(DataType.FLOAT64, 21, 4);
        Tensor batch = random(DataType.FLOAT64, 22, 2, 3, 4);

        assertShape(batch.matmul(v), 2, 3);
        assertValuesClose(naiveProduct(batch, v.unsqueeze(1)), batch.matmul(v), 1e-12);
        Tensor row = random(DataType.FLOAT64, 23, 3);
        assertShape(row.matmul(batch), 2, 4);
        assertValuesClose(naiveProduct(row.unsqueeze(0), batch), row.matmul(batch), 1e-12);
    }

    // ---------------------------------------------------------------- views

    @Test
    void transposedViewsMultiply() {
        Tensor a = random(DataType.FLOAT64, 24, 6, 4).transpose(0, 1);
        Tensor b = random(DataType.FLOAT64, 25, 3, 6).transpose(0, 1);

        assertProduct(a, b, 1e-12);
        assertProduct(a, random(DataType.FLOAT64, 26, 6, 2), 1e-12);
        assertProduct(random(DataType.FLOAT64, 27, 2, 6), b, 1e-12);
        assertProduct(random(DataType.FLOAT32, 28, 2, 5, 4).transpose(-1, -2),
                random(DataType.FLOAT32, 29, 2, 3, 5).transpose(1, 2), 1e-5);
    }

    @Test
    void transposedViewsAreNotCopied() {
        CopyCountingBackend counting = new CopyCountingBackend(DefaultBackend.get());
        org.cortexj.backend.Backend previous = DefaultBackend.get();
        DefaultBackend.set(counting.backend());
        try {
            Tensor a = random(DataType.FLOAT64, 37, 6, 4).transpose(0, 1);
            Tensor b = random(DataType.FLOAT64, 38, 2, 5, 6).transpose(-1, -2);
            Tensor columns = random(DataType.FLOAT64, 39, 4, 8).narrow(1, 2, 5);
            Tensor stepped = random(DataType.FLOAT64, 40, 6, 8).slice(1, 0, 8, 2);
            int before = counting.copies();

            a.matmul(b).realize();
            columns.transpose(0, 1).matmul(a).realize();
            assertEquals(before, counting.copies(), "transposed and column-sliced operands need no copy");

            a.matmul(stepped).realize();
            assertEquals(before + 1, counting.copies(), "a column stride of 2 needs one copy");
        } finally {
            DefaultBackend.set(previous);
        }
    }

    @Test
    void nonContiguousViewsMultiply() {
        Tensor base = random(DataType.FLOAT64, 30, 8, 10);

        Tensor stepped = base.slice(0, 0, 8, 2).slice(1, 1, 10, 3);
        Tensor reversed = base.slice(0, -1, -9, -1).narrow(1, 0, 4);
        Tensor expanded = random(DataType.FLOAT64, 31, 1, 4).expand(3, 4);

        assertProduct(stepped, random(DataType.FLOAT64, 32, 3, 5), 1e-12);
        assertProduct(reversed, random(DataType.FLOAT64, 33, 4, 2), 1e-12);
        assertProduct(expanded, reversed.transpose(0, 1), 1e-12);
        assertProduct(random(DataType.FLOAT64, 34, 2, 3), base.narrow(0, 2, 3).slice(1, 9, 0, -2), 1e-12);
    }

    @Test
    void lazyOperandsMultiply() {
        Tensor a = random(DataType.FLOAT64, 35, 3, 4);
        Tensor b = random(DataType.FLOAT64, 36, 4, 2);

        Tensor product = a.mul(2).matmul(b.add(1));

        assertValuesClose(naiveProduct(a.mul(2), b.add(1)), product, 1e-12);
    }

    // ---------------------------------------------------------------- errors and empty shapes

    @Test
    void innerMismatchNamesBothShapes() {
        assertFailsWith(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).matmul(Tensor.zeros(4, 5)),
                "matmul: inner dimensions differ, left [2, 3], right [4, 5]");
        assertFailsWith(IllegalArgumentException.class, () -> Tensor.zeros(3).matmul(Tensor.zeros(4, 5)),
                "matmul: inner dimensions differ, left [3], right [4, 5]");
        assertFailsWith(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).matmul(Tensor.zeros(2)),
                "left [2, 3], right [2]");
    }

    @Test
    void invalidOperandsAreRejected() {
        assertFailsWith(IllegalArgumentException.class, () -> Tensor.scalar(2).matmul(Tensor.zeros(2, 2)),
                "matmul: operands must have rank >= 1", "[]");
        assertFailsWith(IllegalArgumentException.class, () -> Tensor.zeros(2, 2).matmul(Tensor.scalar(2)),
                "rank >= 1");
        assertFailsWith(IllegalArgumentException.class,
                () -> Tensor.zeros(2, 3, 4).matmul(Tensor.zeros(3, 4, 5)), "matmul: cannot broadcast shapes [2] and [3]",
                "batch axes of left [2, 3, 4] and right [3, 4, 5]");
        assertFailsWith(IllegalArgumentException.class,
                () -> Tensor.zeros(DataType.FLOAT32, 2, 2).matmul(Tensor.zeros(DataType.FLOAT64, 2, 2)),
                "matmul: operand types differ");
    }

    @Test
    void zeroSizeDimensions() {
        assertShape(Tensor.zeros(0, 3).matmul(Tensor.ones(3, 4)), 0, 4);
        assertShape(Tensor.ones(2, 3).matmul(Tensor.ones(3, 0)), 2, 0);
        assertShape(Tensor.ones(0, 2, 3).matmul(Tensor.ones(3, 4)), 0, 2, 4);

        Tensor emptyInner = Tensor.ones(2, 0).matmul(Tensor.ones(0, 3));
        assertShape(emptyInner, 2, 3);
        assertValuesClose(new double[6], emptyInner, 0);
        assertEquals(0, Tensor.ones(0).matmul(Tensor.ones(0)).item());
    }

    // ---------------------------------------------------------------- helpers

    private static Tensor random(DataType type, long seed, int... shape) {
        return Tensor.uniform(new Generator(seed), -1, 1, type, shape);
    }

    private static void assertProduct(Tensor a, Tensor b, double tolerance) {
        Tensor product = a.matmul(b);
        assertValuesClose(naiveProduct(a, b), product, tolerance);
    }

    /**
     * Computes the product of two operands of rank >= 2 by a triple loop in double, with batch axes
     * broadcast by hand; elements are read one at a time through {@link Tensor#get}.
     */
    static double[] naiveProduct(Tensor a, Tensor b) {
        int[] shapeA = a.shape().dims();
        int[] shapeB = b.shape().dims();
        double[] valuesA = readByIndex(a);
        double[] valuesB = readByIndex(b);
        int m = shapeA[shapeA.length - 2];
        int k = shapeA[shapeA.length - 1];
        int n = shapeB[shapeB.length - 1];

        int batchRank = Math.max(shapeA.length, shapeB.length) - 2;
        int[] batchA = padBatch(shapeA, batchRank);
        int[] batchB = padBatch(shapeB, batchRank);
        int[] batch = new int[batchRank];
        int batchSize = 1;
        for (int axis = 0; axis < batchRank; axis++) {
            batch[axis] = Math.max(batchA[axis], batchB[axis]);
            batchSize *= batch[axis];
        }

        double[] result = new double[batchSize * m * n];
        int[] index = new int[batchRank];
        for (int item = 0; item < batchSize; item++) {
            int offsetA = batchOffset(index, batchA) * m * k;
            int offsetB = batchOffset(index, batchB) * k * n;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = 0;
                    for (int p = 0; p < k; p++) {
                        sum += valuesA[offsetA + i * k + p] * valuesB[offsetB + p * n + j];
                    }
                    result[item * m * n + i * n + j] = sum;
                }
            }
            for (int axis = batchRank - 1; axis >= 0; axis--) {
                if (++index[axis] < batch[axis]) {
                    break;
                }
                index[axis] = 0;
            }
        }
        return result;
    }

    private static int[] padBatch(int[] shape, int batchRank) {
        int[] padded = new int[batchRank];
        Arrays.fill(padded, 1);
        int own = shape.length - 2;
        System.arraycopy(shape, 0, padded, batchRank - own, own);
        return padded;
    }

    /** Row-major offset of a batch index in a batch shape whose size-1 axes broadcast. */
    private static int batchOffset(int[] index, int[] shape) {
        int offset = 0;
        for (int axis = 0; axis < shape.length; axis++) {
            offset = offset * shape[axis] + (shape[axis] == 1 ? 0 : index[axis]);
        }
        return offset;
    }
}
