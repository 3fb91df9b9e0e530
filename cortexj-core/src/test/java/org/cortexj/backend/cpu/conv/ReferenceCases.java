package org.cortexj.backend.cpu.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Loader for the reference vectors computed by PyTorch 1.13.1 in float64. Each file has a
 * {@code cases} array, each case has {@code op}, {@code attrs}, {@code inputs}, optional
 * {@code params}, {@code dy}, {@code outputs} and {@code grads}, and each tensor is
 * {@code {"shape": [...], "data": [...]}} in row-major order. Non-finite values are the strings
 * {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}.
 *
 * <p>The directory comes from the system property {@value #PROPERTY}, then the environment
 * variable {@value #VARIABLE}, then {@value #DEFAULT_DIRECTORY}. Tests are skipped with a message
 * when the file is missing.
 */
final class ReferenceCases {

    static final String PROPERTY = "cortexj.referenceDir";
    static final String VARIABLE = "CORTEXJ_REFERENCE_DIR";
    static final String DEFAULT_DIRECTORY = "/work/shared/reference";

    /** Tolerances for float64 results: |got - ref| <= RTOL * |ref| + ATOL * max|ref|. */
    static final double RTOL = 1e-8;
    static final double ATOL = 1e-9;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReferenceCases() {
    }

    /** Returns one argument pair (case name, case node) per case in {@code fileName}. */
    static Stream<Arguments> load(String fileName) {
        Path file = directory().resolve(fileName);
        assumeTrue(Files.isRegularFile(file), "reference file " + file + " not found; set -D"
                + PROPERTY + " or " + VARIABLE + " to the directory of the reference vectors");
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (IOException error) {
            throw new UncheckedIOException("cannot read reference file " + file, error);
        }
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode node : root.get("cases")) {
            cases.add(Arguments.of(node.get("name").asText(), node));
        }
        return cases.stream();
    }

    static double[] data(JsonNode tensor) {
        JsonNode values = tensor.get("data");
        double[] data = new double[values.size()];
        for (int index = 0; index < data.length; index++) {
            JsonNode value = values.get(index);
            data[index] = value.isTextual() ? Double.parseDouble(value.asText()) : value.asDouble();
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

    /** Returns an integer tensor such as max-pool indices. */
    static int[] integers(JsonNode tensor) {
        double[] values = data(tensor);
        int[] integers = new int[values.length];
        for (int index = 0; index < values.length; index++) {
            integers[index] = Math.toIntExact((long) values[index]);
        }
        return integers;
    }

    /**
     * Returns a per-axis attribute as {height, width}. The attribute may be one integer or a pair.
     * A missing or null attribute gives {@code fallback}.
     */
    static int[] pair(JsonNode attrs, String key, int[] fallback) {
        JsonNode node = attrs.get(key);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (node.isInt()) {
            return new int[] {node.asInt(), node.asInt()};
        }
        if (!node.isArray() || node.size() != 2) {
            throw new IllegalArgumentException("attribute " + key + " = " + node
                    + " is neither an integer nor a pair of integers");
        }
        return new int[] {node.get(0).asInt(), node.get(1).asInt()};
    }

    static boolean flag(JsonNode attrs, String key, boolean fallback) {
        JsonNode node = attrs.get(key);
        return node == null || node.isNull() ? fallback : node.asBoolean();
    }

    static void assertShape(String label, int[] expected, int... actual) {
        assertArrayEquals(expected, actual, label + " shape");
    }

    static Path directory() {
        String property = System.getProperty(PROPERTY);
        if (property != null) {
            return Path.of(property);
        }
        String variable = System.getenv(VARIABLE);
        return Path.of(variable != null ? variable : DEFAULT_DIRECTORY);
    }
}
