package org.cortexj.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

class ToleranceTest {

    private static final int[] THREE = {3};

    // Reference [1, -2, 100]: max|expected| = 100, so with rtol 0.01 and atol 0.001 the allowed
    // errors are 0.01 + 0.1 = 0.11, 0.02 + 0.1 = 0.12 and 1 + 0.1 = 1.1.
    private static final Tolerance TOLERANCE = new Tolerance(0.01, 0.001);
    private static final double[] EXPECTED = {1, -2, 100};

    @Test
    void errorsInsideTheBoundPass() {
        Comparison comparison = TOLERANCE.compare("y", THREE, EXPECTED, THREE,
                new double[] {1.109, -2.119, 101.099});

        assertTrue(comparison.passed(), comparison::describe);
        assertEquals(0, comparison.failedCount());
    }

    @Test
    void largestRatioIsTheWorstElement() {
        // Errors 0.22 (2x allowed 0.11), 0.06 (0.5x), 3.3 (3x allowed 1.1).
        Comparison comparison = TOLERANCE.compare("grads.x", THREE, EXPECTED, THREE,
                new double[] {1.22, -2.06, 103.3});

        assertFalse(comparison.passed());
        assertEquals(2, comparison.failedCount());
        assertEquals(2, comparison.worstIndex());
        assertEquals(3.0, comparison.worstRatio(), 1e-9);
        assertEquals(3.3, comparison.worstError(), 1e-9);
        assertEquals(1.1, comparison.worstAllowed(), 1e-12);
        assertEquals(103.3, comparison.worstGot());
        assertEquals(100.0, comparison.worstExpected());
        assertEquals(100.0, comparison.maxAbsExpected());
        assertTrue(comparison.describe().startsWith("grads.x: 2 of 3 values outside tolerance; "
                + "worst at flat index 2: got 103.300000, expected 100.000000, error 3.30 = 3.00 x "
                + "allowed 1.10 (rtol 1e-02, atol 1e-03 x max|expected| 100.000000)"),
                comparison::describe);
    }

    @Test
    void nanMustMatchNan() {
        double[] expected = {Double.NaN, 1};
        int[] shape = {2};

        assertTrue(TOLERANCE.compare("y", shape, expected, shape, new double[] {Double.NaN, 1}).passed());
        Comparison missed = TOLERANCE.compare("y", shape, expected, shape, new double[] {0, 1});
        assertFalse(missed.passed());
        assertEquals(0, missed.worstIndex());
        assertEquals(Double.POSITIVE_INFINITY, missed.worstRatio());
        assertTrue(missed.describe().contains("non-finite values must match exactly"));
        assertFalse(TOLERANCE.compare("y", shape, new double[] {0, 1}, shape,
                new double[] {Double.NaN, 1}).passed());
    }

    @Test
    void infinitiesMustMatchExactly() {
        int[] shape = {2};
        double[] expected = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

        assertTrue(TOLERANCE.compare("y", shape, expected, shape, expected.clone()).passed());
        assertFalse(TOLERANCE.compare("y", shape, expected, shape,
                new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}).passed());
        assertFalse(TOLERANCE.compare("y", shape, expected, shape,
                new double[] {Double.MAX_VALUE, Double.NEGATIVE_INFINITY}).passed());
        assertFalse(TOLERANCE.compare("y", shape, new double[] {1, 2}, shape,
                new double[] {Double.POSITIVE_INFINITY, 2}).passed());
    }

    @Test
    void nonFiniteValuesDoNotSetTheScale() {
        // max|expected| ignores the infinity, so the allowed error at index 1 is 0.01 * 2 + 0.001 * 2.
        int[] shape = {2};
        double[] expected = {Double.POSITIVE_INFINITY, 2};

        assertTrue(TOLERANCE.compare("y", shape, expected, shape,
                new double[] {Double.POSITIVE_INFINITY, 2.021}).passed());
        assertFalse(TOLERANCE.compare("y", shape, expected, shape,
                new double[] {Double.POSITIVE_INFINITY, 2.023}).passed());
    }

    @Test
    void shapesMustBeEqual() {
        Comparison comparison = TOLERANCE.compare("y", new int[] {2, 3}, new double[6], new int[] {3, 2},
                new double[6]);

        assertFalse(comparison.passed());
        assertEquals("y: shape [3, 2] differs from expected shape [2, 3]", comparison.describe());
        assertFalse(TOLERANCE.compare("y", new int[0], new double[1], new int[] {1}, new double[1]).passed());
    }

    @Test
    void emptyTensorsPass() {
        int[] shape = {0, 4};

        Comparison comparison = TOLERANCE.compare("y", shape, new double[0], shape, new double[0]);

        assertTrue(comparison.passed());
        assertEquals(-1, comparison.worstIndex());
    }

    @Test
    void allZeroReferenceAllowsNoError() {
        int[] shape = {2};

        assertTrue(TOLERANCE.compare("y", shape, new double[2], shape, new double[] {0, -0.0}).passed());
        Comparison comparison = TOLERANCE.compare("y", shape, new double[2], shape, new double[] {0, 1e-300});
        assertFalse(comparison.passed());
        assertEquals(Double.POSITIVE_INFINITY, comparison.worstRatio());
    }

    @Test
    void exactDtypeIgnoresTolerance() {
        ReferenceTensor indices = new ReferenceTensor(new int[] {2}, new double[] {3, 5},
                ReferenceDtype.INT64, JsonNodeFactory.instance.objectNode(), "outputs.indices");
        Tolerance loose = new Tolerance(0.5, 0.5);

        assertTrue(loose.compare("indices", indices, new int[] {2}, new double[] {3, 5}).passed());
        assertFalse(loose.compare("indices", indices, new int[] {2}, new double[] {3, 4}).passed());
    }

    @Test
    void floatResultsAreWidened() {
        ReferenceTensor expected = ReferenceTensor.of(new int[] {2}, 0.1, 1.0 / 3);
        float[] got = {0.1f, 1.0f / 3};

        assertTrue(new Tolerance(1e-7, 0).compare("y", expected, new int[] {2}, got).passed());
        assertFalse(new Tolerance(1e-9, 0).compare("y", expected, new int[] {2}, got).passed());
    }

    @Test
    void constructorRejectsInvalidValues() {
        assertThrows(IllegalArgumentException.class, () -> new Tolerance(-1e-5, 0));
        assertThrows(IllegalArgumentException.class, () -> new Tolerance(Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> new Tolerance(0, Double.POSITIVE_INFINITY));
    }

    @Test
    void lengthMustMatchShape() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TOLERANCE.compare("y", new int[] {2}, new double[2], new int[] {2}, new double[3]));

        assertEquals("y: got has 3 values but its shape [2] needs 2", error.getMessage());
    }
}
