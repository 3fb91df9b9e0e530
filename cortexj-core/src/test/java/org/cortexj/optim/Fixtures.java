package org.cortexj.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cortexj.backend.DataType;
import org.cortexj.nn.Parameter;
import org.cortexj.tensor.Tensor;

/** Small parameters, gradients and comparisons shared by the optimizer tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** Creates a rank-1 parameter with {@code values}. */
    static Parameter parameter(String name, DataType dataType, double... values) {
        return new Parameter(name, Tensor.of(values.clone(), values.length).toType(dataType).realize());
    }

    static Parameter parameter(String name, double... values) {
        return parameter(name, DataType.FLOAT64, values);
    }

    /** Sets the gradient of a rank-1 parameter, in the parameter's data type. */
    static void setGradient(Parameter parameter, double... values) {
        Tensor gradient = Tensor.of(values.clone(), values.length).toType(parameter.value().dataType()).realize();
        parameter.value().setGrad(gradient);
    }

    /**
     * Asserts |actual − expected| <= rtol·|expected| + atol·max|expected| for every element;
     * NaN must meet NaN, and infinities must be equal.
     */
    static void assertClose(double[] expected, Tensor actual, double rtol, double atol, String label) {
        double[] values = actual.toDoubleArray();
        assertEquals(expected.length, values.length, label + ": element count");
        double scale = 0;
        for (double value : expected) {
            if (Double.isFinite(value)) {
                scale = Math.max(scale, Math.abs(value));
            }
        }
        for (int i = 0; i < expected.length; i++) {
            String where = label + " element " + i + ": expected " + expected[i] + ", got " + values[i];
            if (Double.isNaN(expected[i]) || Double.isInfinite(expected[i])) {
                assertEquals(expected[i], values[i], 0.0, where);
                continue;
            }
            double allowed = rtol * Math.abs(expected[i]) + atol * scale;
            assertTrue(Math.abs(values[i] - expected[i]) <= allowed, where + ", allowed error " + allowed);
        }
    }

    /** Float64 comparison for results that differ from the expectation only by rounding. */
    static void assertClose(double[] expected, Tensor actual, String label) {
        assertClose(expected, actual, 1e-12, 1e-15, label);
    }
}
