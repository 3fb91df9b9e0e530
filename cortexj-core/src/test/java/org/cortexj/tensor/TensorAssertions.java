package org.cortexj.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.function.Executable;

/** Assertions shared by the tensor tests. */
final class TensorAssertions {

    private TensorAssertions() {
    }

    static void assertShape(Tensor tensor, int... expected) {
        assertArrayEquals(expected, tensor.shape().dims(), () -> "shape of " + tensor.shape());
    }

    /** Compares element values exactly, treating NaN as equal to NaN and −0 as unequal to +0. */
    static void assertValuesExact(double[] expected, Tensor actual) {
        double[] values = actual.toDoubleArray();
        assertEquals(expected.length, values.length, "element count");
        for (int i = 0; i < expected.length; i++) {
            int index = i;
            assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(values[i]),
                    () -> "element " + index + ": expected " + expected[index] + ", got " + values[index]
                            + " in " + Arrays.toString(values));
        }
    }

    /** Compares element values within an absolute tolerance; NaN must meet NaN. */
    static void assertValuesClose(double[] expected, Tensor actual, double tolerance) {
        assertValuesClose(expected, actual.toDoubleArray(), tolerance);
    }

    static void assertValuesClose(double[] expected, double[] values, double tolerance) {
        assertEquals(expected.length, values.length, "element count");
        for (int i = 0; i < expected.length; i++) {
            int index = i;
            if (Double.isNaN(expected[i])) {
                assertTrue(Double.isNaN(values[i]), () -> "element " + index + ": expected NaN, got " + values[index]);
            } else if (Double.isInfinite(expected[i])) {
                assertEquals(expected[i], values[i], () -> "element " + index);
            } else {
                assertEquals(expected[i], values[i], tolerance, () -> "element " + index + " of "
                        + Arrays.toString(values));
            }
        }
    }

    /** Asserts that the call throws {@code type} and that the message contains every fragment. */
    static <T extends Throwable> T assertFailsWith(Class<T> type, Executable call, String... fragments) {
        T error = assertThrows(type, call);
        for (String fragment : fragments) {
            assertNotNull(error.getMessage(), "exception message");
            assertTrue(error.getMessage().contains(fragment),
                    () -> "message '" + error.getMessage() + "' lacks '" + fragment + "'");
        }
        return error;
    }

    /** Row-major values 0, 1, 2, ... as float64, so every element is recognizable. */
    static Tensor iota(int... shape) {
        int size = Shape.of(shape).size();
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = i;
        }
        return Tensor.of(values, shape);
    }

    /** Reads every element of a tensor through {@link Tensor#get}, in row-major order. */
    static double[] readByIndex(Tensor tensor) {
        int[] dims = tensor.shape().dims();
        double[] values = new double[tensor.size()];
        int[] index = new int[dims.length];
        for (int flat = 0; flat < values.length; flat++) {
            values[flat] = tensor.get(index);
            for (int axis = dims.length - 1; axis >= 0; axis--) {
                if (++index[axis] < dims[axis]) {
                    break;
                }
                index[axis] = 0;
            }
        }
        return values;
    }
}
