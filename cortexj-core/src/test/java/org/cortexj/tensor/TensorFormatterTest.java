package org.cortexj.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cortexj.backend.DataType;
import org.junit.jupiter.api.Test;

class TensorFormatterTest {

    @Test
    void showsValuesShapeAndType() {
        String text = Tensor.of(new float[] {1.5f, -2.25f}, 2).toString();

        assertEquals("tensor([ 1.5000, -2.2500], shape=[2], dtype=float32)", text);
        assertTrue(Tensor.zeros(DataType.FLOAT64, 2, 3).toString().endsWith("shape=[2, 3], dtype=float64)"));
        assertTrue(Tensor.of(new int[] {4, 5}, 2).toString().contains("dtype=int32"));
    }

    @Test
    void printsNanAndInfinities() {
        String text = Tensor.of(new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.5}, 4)
                .toString();

        assertTrue(text.contains("nan"), text);
        assertTrue(text.contains(" inf"), text);
        assertTrue(text.contains("-inf"), text);
        assertTrue(text.contains("0.5000"), text);
    }

    @Test
    void printsScalarAndEmpty() {
        assertEquals("tensor(3., shape=[], dtype=float32)", Tensor.scalar(3).toString());
        assertEquals("tensor([], shape=[0, 3], dtype=float32)", Tensor.zeros(0, 3).toString());
    }

    @Test
    void abbreviatesAboveThousandElements() {
        String full = Tensor.arange(1000).toString();
        String summarized = Tensor.arange(1001).toString();

        assertFalse(full.contains("..."), "1000 elements are printed in full");
        assertTrue(full.contains("500."));
        assertTrue(summarized.contains("..."), summarized);
        assertTrue(summarized.contains("   0.,    1.,    2., ...,  998.,  999., 1000.]"), summarized);
        assertFalse(summarized.contains("500."), summarized);
        assertTrue(summarized.endsWith("shape=[1001], dtype=float32)"));
    }

    @Test
    void abbreviatesEveryLongAxis() {
        String text = Tensor.arange(0, 1600, 1, DataType.FLOAT64).reshape(40, 40).toString();
        String[] lines = text.split("\n");

        assertEquals(7, lines.length, text);
        assertTrue(lines[0].startsWith("tensor([[   0.,    1.,    2., ...,   37.,   38.,   39.],"), lines[0]);
        assertEquals("        ...,", lines[3]);
        assertTrue(lines[6].contains("[1560., 1561., 1562., ..., 1597., 1598., 1599.]]"), lines[6]);
    }

    @Test
    void printsLazyAndStridedTensors() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2);

        assertEquals("tensor([[2., 6.],\n        [4., 8.]], shape=[2, 2], dtype=float64)",
                x.transpose(0, 1).mul(2).toString());
    }
}
