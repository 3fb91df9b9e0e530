package org.cortexj.conformance;

import static org.cortexj.conformance.ReferenceLoaderTest.assertContains;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttributesTest {

    @TempDir
    Path folder;

    private Attributes attrs;

    @BeforeEach
    void readAttributes() throws IOException {
        attrs = VectorFiles.onlyCase(folder, """
                {"name": "pool/a", "op": "maxpool2d",
                 "attrs": {"kernel": [3, 3], "stride": 2, "eps": 1e-5, "keepdim": true,
                           "ceil_mode": false, "mode": "mean", "axis": -1, "all": "all",
                           "pair": [0, 2], "twice": [1, -2], "betas": [0.9, 0.999],
                           "count": 4.0, "half": 2.5, "limit": "Infinity", "none": null}}
                """).attrs();
    }

    @Test
    void readsScalarsOfEachType() {
        assertEquals(1e-5, attrs.doubleValue("eps"));
        assertEquals(Double.POSITIVE_INFINITY, attrs.doubleValue("limit"));
        assertEquals(4, attrs.intValue("count"));
        assertTrue(attrs.bool("keepdim"));
        assertFalse(attrs.bool("ceil_mode"));
        assertEquals("mean", attrs.string("mode"));
        assertTrue(attrs.isString("mode"));
        assertFalse(attrs.isString("eps"));
    }

    @Test
    void defaultsApplyToAbsentOrNull() {
        assertEquals(0.1, attrs.doubleValue("momentum", 0.1));
        assertEquals(1e-5, attrs.doubleValue("eps", 0.5));
        assertEquals(7, attrs.intValue("none", 7));
        assertFalse(attrs.bool("nesterov", false));
        assertEquals("x", attrs.string("none", "x"));
        assertFalse(attrs.has("none"));
        assertArrayEquals(new int[] {1, 1}, attrs.intArray("dilation", 2, 1));
    }

    @Test
    void intArraysAcceptSingleIntegers() {
        assertArrayEquals(new int[] {3, 3}, attrs.intArray("kernel"));
        assertArrayEquals(new int[] {2}, attrs.intArray("stride"));
        assertArrayEquals(new int[] {2, 2}, attrs.intArray("stride", 2));
        assertArrayEquals(new double[] {0.9, 0.999}, attrs.doubleArray("betas"));
    }

    @Test
    void intArrayRejectsWrongLength() {
        ReferenceFormatException error = assertThrows(ReferenceFormatException.class,
                () -> attrs.intArray("kernel", 3));

        assertContains(error, "case 'pool/a': attribute \"kernel\": expected 3 integers, found [3, 3]");
    }

    @Test
    void axesNormalizeAndSort() {
        assertArrayEquals(new int[] {2}, attrs.axes("axis", 3));
        assertArrayEquals(new int[] {0, 1, 2}, attrs.axes("all", 3));
        assertArrayEquals(new int[] {0, 1, 2}, attrs.axes("absent", 3));
        assertArrayEquals(new int[] {0, 2}, attrs.axes("pair", 3));
    }

    @Test
    void axesRejectRangeAndRepeats() {
        assertContains(assertThrows(ReferenceFormatException.class, () -> attrs.axes("pair", 2)),
                "axis 2 is out of range for rank 2; expected [-2, 2)");
        assertContains(assertThrows(ReferenceFormatException.class, () -> attrs.axes("twice", 3)),
                "axis 1 is given twice in [1, -2]");
    }

    @Test
    void missingAttributeListsPresentNames() {
        ReferenceFormatException error = assertThrows(ReferenceFormatException.class,
                () -> attrs.intArray("padding"));

        assertContains(error, "case 'pool/a': attribute \"padding\" is missing; attributes present: [kernel");
    }

    @Test
    void wrongTypeNamesValueFound() {
        assertContains(assertThrows(ReferenceFormatException.class, () -> attrs.intValue("half")),
                "attribute \"half\": expected an integer in the int range, found number 2.5");
        assertContains(assertThrows(ReferenceFormatException.class, () -> attrs.bool("mode")),
                "attribute \"mode\": expected a boolean, found string \"mean\"");
        assertContains(assertThrows(ReferenceFormatException.class, () -> attrs.doubleValue("mode")),
                "attribute \"mode\": expected a number");
        assertContains(assertThrows(ReferenceFormatException.class, () -> attrs.string("eps")),
                "attribute \"eps\": expected a string");
    }
}
