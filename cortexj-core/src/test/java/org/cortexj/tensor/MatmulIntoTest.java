package org.cortexj.tensor;

import static org.cortexj.tensor.MatmulTest.naiveProduct;
import static org.cortexj.tensor.TensorAssertions.assertFailsWith;
import static org.cortexj.tensor.TensorAssertions.assertValuesClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.cortexj.autograd.GradMode;
import org.cortexj.backend.DataType;
import org.junit.jupiter.api.Test;

/** {@link Tensor#matmul(Tensor, Tensor)}: the product written into an existing output. */
class MatmulIntoTest {

    @Test
    void overwritesContiguousOutput() {
        Tensor a = random(1, 5, 7);
        Tensor b = random(2, 7, 3);
        Tensor output = Tensor.full(Double.NaN, DataType.FLOAT64, 5, 3);

        Tensor returned = a.matmul(b, output);

        assertSame(output, returned);
        assertValuesClose(naiveProduct(a, b), output, 1e-12);
    }

    @Test
    void batchedProductIntoOutput() {
        Tensor stacked = random(3, 4, 2, 5);
        Tensor matrix = random(4, 5, 3);
        Tensor batchA = random(5, 2, 1, 3, 4);
        Tensor batchB = random(6, 5, 4, 2);

        Tensor folded = stacked.matmul(matrix, Tensor.zeros(DataType.FLOAT64, 4, 2, 3));
        Tensor broadcast = batchA.matmul(batchB, Tensor.zeros(DataType.FLOAT64, 2, 5, 3, 2));

        assertValuesClose(naiveProduct(stacked, matrix), folded, 1e-12);
        assertValuesClose(naiveProduct(batchA, batchB), broadcast, 1e-12);
    }

    @Test
    void writesColumnsOfWiderTensor() {
        Tensor a = random(7, 3, 4);
        Tensor b = random(8, 4, 2);
        Tensor wide = Tensor.full(-1, DataType.FLOAT64, 3, 5);

        a.matmul(b, wide.narrow(1, 2, 2));

        double[] expected = naiveProduct(a, b);
        for (int i = 0; i < 3; i++) {
            assertEquals(-1, wide.get(i, 0));
            assertEquals(-1, wide.get(i, 1));
            assertEquals(expected[2 * i], wide.get(i, 2), 1e-12);
            assertEquals(expected[2 * i + 1], wide.get(i, 3), 1e-12);
            assertEquals(-1, wide.get(i, 4));
        }
    }

    @Test
    void writesTransposedOutputView() {
        Tensor a = random(9, 3, 4);
        Tensor b = random(10, 4, 2);
        Tensor storage = Tensor.zeros(DataType.FLOAT64, 2, 3);

        a.matmul(b, storage.transpose(0, 1));

        assertValuesClose(naiveProduct(a, b), storage.transpose(0, 1), 1e-12);
    }

    @Test
    void outputMayBeAnOperand() {
        Tensor a = random(11, 4, 4);
        Tensor b = random(12, 4, 4);
        double[] expected = naiveProduct(a, b);

        a.matmul(b, a);

        assertValuesClose(expected, a, 1e-12);
    }

    @Test
    void outputSharingOperandBuffer() {
        Tensor a = random(15, 4, 4);
        Tensor b = random(16, 4, 4);
        double[] expected = naiveProduct(a, b);
        Tensor alias = Tensor.fromBuffer(a.buffer(), a.layout());

        a.matmul(b, alias);

        assertValuesClose(expected, a, 1e-12);
    }

    @Test
    void vectorOperandsIntoOutput() {
        Tensor matrix = random(13, 3, 4);
        Tensor vector = random(14, 4);
        Tensor output = Tensor.zeros(DataType.FLOAT64, 3);

        matrix.matmul(vector, output);

        assertValuesClose(naiveProduct(matrix, vector.reshape(4, 1)), output, 1e-12);
        Tensor scalar = Tensor.zeros(DataType.FLOAT64);
        vector.matmul(vector, scalar);
        assertEquals(vector.mul(vector).sum().item(), scalar.item(), 1e-12);
    }

    @Test
    void emptyInnerAxisGivesZeros() {
        Tensor output = Tensor.full(5, DataType.FLOAT32, 2, 3);

        Tensor.ones(2, 0).matmul(Tensor.ones(0, 3), output);

        assertValuesClose(new double[6], output, 0);
    }

    @Test
    void lazyDependentsKeepOldValues() {
        Tensor output = Tensor.full(2, DataType.FLOAT64, 2, 2);
        Tensor doubled = output.mul(3);

        Tensor.matrix(new double[][] {{1, 2}, {3, 4}}).matmul(Tensor.matrix(new double[][] {{1, 0}, {0, 1}}), output);

        assertValuesClose(new double[] {6, 6, 6, 6}, doubled, 0);
        assertValuesClose(new double[] {1, 2, 3, 4}, output, 0);
    }

    @Test
    void rejectsMismatchedOutput() {
        Tensor a = Tensor.zeros(2, 3);
        Tensor b = Tensor.zeros(3, 4);
        assertFailsWith(IllegalArgumentException.class, () -> a.matmul(b, Tensor.zeros(4, 2)),
                "matmul: output shape [4, 2] differs from the shape [2, 4] of [2, 3]·[3, 4]");
        assertFailsWith(IllegalArgumentException.class, () -> a.matmul(b, Tensor.zeros(DataType.FLOAT64, 2, 4)),
                "matmul: output is float64 but the operands are float32");
        assertFailsWith(IllegalArgumentException.class, () -> a.matmul(b, Tensor.zeros(1, 4).expand(2, 4)),
                "broadcast view");
        assertFailsWith(NullPointerException.class, () -> a.matmul(b, null), "matmul: output is null");
    }

    @Test
    void rejectsOperandRequiringGrad() {
        Tensor a = Tensor.ones(2, 2).setRequiresGrad(true);
        Tensor output = Tensor.zeros(2, 2);

        assertFailsWith(IllegalStateException.class, () -> a.matmul(a, output), "records no gradient");
        try (GradMode.Scope ignored = GradMode.disable()) {
            a.matmul(a, output);
        }
        assertValuesClose(new double[] {2, 2, 2, 2}, output, 0);
    }

    private static Tensor random(long seed, int... shape) {
        return Tensor.uniform(new Generator(seed), -1, 1, DataType.FLOAT64, shape);
    }
}
