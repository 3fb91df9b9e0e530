package org.cortexj.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cortexj.backend.DataType;
import org.cortexj.tensor.Tensor;

/**
 * Reader of the reference vectors computed by PyTorch 1.13.1 in float64 (seed 1), and the
 * comparison rule {@code |got − ref| <= rtol·|ref| + atol·max|ref|} per tensor.
 *
 * <p>A tensor is {@code {"shape": [...], "data": [...]}} in row-major order. Non-finite values
 * are the strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}. The directory
 * comes from the system property {@value #PROPERTY}, then the environment variable
 * {@value #VARIABLE}, then {@value #DEFAULT_DIRECTORY}; tests are skipped when a file is missing.
 */
final class ReferenceVectors {

    static final String PROPERTY = "cortexj.referenceDir";
    static final String VARIABLE = "CORTEXJ_REFERENCE_DIR";
    static final String DEFAULT_DIRECTORY = "/work/shared/reference";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReferenceVectors() {
    }

    /** Tolerances of one data type. */
    record Tolerance(double rtol, double atol) {

        static Tolerance of(DataType dataType) {
            return dataType == DataType.FLOAT64 ? new Tolerance(1e-8, 1e-9) : new Tolerance(1e-4, 1e-5);
        }
    }

    /** Returns the cases of one reference file. */
    static List<JsonNode> cases(String fileName) {
        Path file = directory().resolve(fileName);
        assumeTrue(Files.isRegularFile(file), "reference file " + file + " not found; set -D" + PROPERTY
                + " or " + VARIABLE + " to the directory of the reference vectors");
        try {
            List<JsonNode> cases = new ArrayList<>();
            MAPPER.readTree(file.toFile()).get("cases").forEach(cases::add);
            return cases;
        } catch (IOException error) {
            throw new UncheckedIOException("cannot read reference file " + file, error);
        }
    }

    private static Path directory() {
        String property = System.getProperty(PROPERTY);
        if (property != null) {
            return Path.of(property);
        }
        String variable = System.getenv(VARIABLE);
        return Path.of(variable != null ? variable : DEFAULT_DIRECTORY);
    }

    static double number(JsonNode value) {
        return value.isTextual() ? Double.parseDouble(value.asText()) : value.asDouble();
    }

    static double[] data(JsonNode tensor) {
        JsonNode values = tensor.get("data");
        double[] data = new double[values.size()];
        for (int index = 0; index < data.length; index++) {
            data[index] = number(values.get(index));
        }
        return data;
    }

    static int[] shape(JsonNode tensor) {
        JsonNode dims = tensor.get("shape");
        int[] shape = new int[dims.size()];
        for (int axis = 0; axis < shape.length; axis++) {
            shape[axis] = dims.get(axis).asInt();
        }
        return shape;
    }

    /** Returns the reference tensor as a library tensor of {@code dataType}. */
    static Tensor tensor(JsonNode tensor, DataType dataType) {
        return Tensor.of(data(tensor), shape(tensor)).toType(dataType).realize();
    }

    /** Returns a per-axis attribute as {height, width}; it may be one integer or a pair. */
    static int[] pair(JsonNode attrs, String key, int fallback) {
        JsonNode node = attrs.get(key);
        if (node == null || node.isNull()) {
            return new int[] {fallback, fallback};
        }
        if (node.isInt()) {
            return new int[] {node.asInt(), node.asInt()};
        }
        return new int[] {node.get(0).asInt(), node.get(1).asInt()};
    }

    static boolean flag(JsonNode attrs, String key, boolean fallback) {
        JsonNode node = attrs.get(key);
        return node == null || node.isNull() ? fallback : node.asBoolean();
    }

    /** Compares a library tensor with a reference tensor, shape first. */
    static void assertClose(String label, JsonNode expected, Tensor actual, Tolerance tolerance) {
        assertArrayEquals(shape(expected), actual.shape().dims(), label + ": shape");
        assertClose(label, data(expected), actual.toDoubleArray(), tolerance);
    }

    /** Compares values; NaN matches NaN and an infinity matches the same infinity. */
    static void assertClose(String label, double[] expected, double[] actual, Tolerance tolerance) {
        assertTrue(expected.length == actual.length, label + ": " + actual.length + " values, expected "
                + expected.length);
        double scale = 0;
        for (double value : expected) {
            if (Double.isFinite(value)) {
                scale = Math.max(scale, Math.abs(value));
            }
        }
        for (int i = 0; i < expected.length; i++) {
            double want = expected[i];
            double got = actual[i];
            boolean same = Double.isNaN(want) ? Double.isNaN(got)
                    : Double.isInfinite(want) ? got == want
                    : Math.abs(got - want) <= tolerance.rtol() * Math.abs(want) + tolerance.atol() * scale;
            assertTrue(same, label + "[" + i + "]: got " + got + ", expected " + want + " (rtol "
                    + tolerance.rtol() + ", atol " + tolerance.atol() + " x max|ref| " + scale + ")");
        }
    }
}
