package org.cortexj.nn.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;
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
 * Reads the reference test vectors: JSON files of cases computed by PyTorch 1.13.1 in float64
 * (seed 1), each with op, attrs, inputs, optional dy, outputs and grads. A tensor is
 * {"shape": [...], "data": [...]} in row-major order, and non-finite values are the strings
 * "NaN", "Infinity" and "-Infinity".
 *
 * <p>The directory is the system property {@code cortexj.reference.dir}, or else the first
 * {@code shared/reference} found in the working directory or one of its parents. Tests that
 * need a file are skipped, with that reason, when it is not found.
 */
public final class ReferenceVectors {

    /** Tolerances per precision: |got − ref| ≤ rtol·|ref| + atol·max|ref| for each tensor. */
    public record Tolerance(double relative, double absolute) {
    }

    public static final Tolerance FLOAT64 = new Tolerance(1e-8, 1e-9);
    public static final Tolerance FLOAT32 = new Tolerance(1e-5, 1e-6);

    /** One case of a reference file. {@code dy} is null for a forward-only case. */
    public record Case(String name, String op, JsonNode attrs, JsonNode inputs, JsonNode dy, JsonNode outputs,
                       JsonNode grads) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static final String PROPERTY = "cortexj.reference.dir";

    private ReferenceVectors() {
    }

    /** Loads every case of a file such as {@code activations.json}, or skips the caller if it is absent. */
    public static List<Case> load(String fileName) {
        Path file = locate(fileName);
        assumeTrue(file != null, fileName + " not found; set -D" + PROPERTY
                + "=DIR or run from a checkout with shared/reference");
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<Case> cases = new ArrayList<>();
        for (JsonNode node : root.get("cases")) {
            cases.add(new Case(node.get("name").asText(), node.get("op").asText(), node.path("attrs"),
                    node.get("inputs"), node.get("dy"), node.get("outputs"), node.path("grads")));
        }
        return cases;
    }

    private static Path locate(String fileName) {
        String configured = System.getProperty(PROPERTY);
        if (configured != null) {
            Path candidate = Path.of(configured, fileName);
            return Files.isRegularFile(candidate) ? candidate : null;
        }
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            Path candidate = directory.resolve("shared").resolve("reference").resolve(fileName);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    public static int[] shape(JsonNode tensor) {
        JsonNode dims = tensor.get("shape");
        int[] shape = new int[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = dims.get(i).asInt();
        }
        return shape;
    }

    /** Returns the data of a tensor node, with "NaN", "Infinity" and "-Infinity" strings decoded. */
    public static double[] values(JsonNode tensor) {
        JsonNode data = tensor.get("data");
        double[] values = new double[data.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode value = data.get(i);
            values[i] = value.isTextual() ? Double.parseDouble(value.asText()) : value.asDouble();
        }
        return values;
    }

    /** Builds a float tensor of the given type from the node's values. */
    public static Tensor tensor(JsonNode node, DataType dataType) {
        return Tensor.of(values(node), shape(node)).toType(dataType).realize();
    }

    /** Builds an int32 tensor from an integer node such as labels. */
    public static Tensor intTensor(JsonNode node) {
        double[] values = values(node);
        int[] ints = new int[values.length];
        for (int i = 0; i < ints.length; i++) {
            ints[i] = (int) values[i];
        }
        return Tensor.of(ints, shape(node));
    }

    public static Tolerance tolerance(DataType dataType) {
        return dataType == DataType.FLOAT64 ? FLOAT64 : FLOAT32;
    }

    /** Fails unless {@code actual} matches the reference tensor within the tolerance. */
    public static void assertMatches(String label, JsonNode expected, Tensor actual, Tolerance tolerance) {
        assertArrayEquals(shape(expected), actual.shape().dims(), label + ": shape");
        double[] reference = values(expected);
        double[] got = actual.toDoubleArray();
        double scale = 0;
        for (double value : reference) {
            if (Double.isFinite(value)) {
                scale = Math.max(scale, Math.abs(value));
            }
        }
        for (int i = 0; i < reference.length; i++) {
            if (Double.isNaN(reference[i]) && Double.isNaN(got[i])) {
                continue;
            }
            if (Double.isInfinite(reference[i]) && reference[i] == got[i]) {
                continue;
            }
            double allowed = tolerance.relative() * Math.abs(reference[i]) + tolerance.absolute() * scale;
            double error = Math.abs(got[i] - reference[i]);
            if (!(error <= allowed)) {
                fail(label + ": element " + i + " is " + got[i] + ", reference " + reference[i] + ", error " + error
                        + " exceeds " + allowed);
            }
        }
    }
}
