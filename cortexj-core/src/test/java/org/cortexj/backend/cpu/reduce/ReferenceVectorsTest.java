package org.cortexj.backend.cpu.reduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Compares the row kernels with the PyTorch 1.13 reference vectors in reductions.json
 * (float64 results, 9 significant digits). Each case's reduced axis is moved last here with a
 * plain gather loop, which is the tensor layer's job in the library.
 *
 * <p>The file is found through the system property {@code cortexj.reference.dir} or as
 * {@code shared/reference/reductions.json} in the working directory or a parent of it; the
 * test is skipped when it is absent.
 */
class ReferenceVectorsTest {

    /**
     * Per-element tolerances {@code |got - ref| <= rtol * |ref| + atol * max|ref|}, the values
     * published with the reference vectors for float64 results and for float32 reductions.
     */
    private static final double DOUBLE_RTOL = 1e-8;
    private static final double DOUBLE_ATOL = 1e-9;
    private static final double FLOAT_RTOL = 1e-4;
    private static final double FLOAT_ATOL = 1e-5;

    @Test
    void reductionsMatchPyTorchValues() throws IOException {
        Path file = findReferenceFile();
        assumeTrue(file != null, "reductions.json not found; set -Dcortexj.reference.dir");
        JsonNode cases = new ObjectMapper().readTree(file.toFile()).get("cases");
        int checked = 0;

        for (JsonNode testCase : cases) {
            String name = testCase.get("name").asText();
            JsonNode x = testCase.get("inputs").get("x");
            int[] shape = toInts(x.get("shape"));
            double[] data = toDoubles(x.get("data"));
            JsonNode axis = testCase.get("attrs").get("axis");
            Rows rows = axis.isTextual()
                    ? new Rows(data, 1, data.length)
                    : Rows.moveAxisLast(data, shape, Math.floorMod(axis.asInt(), shape.length));

            String op = testCase.get("op").asText();
            JsonNode outputs = testCase.get("outputs");
            checkValues(name, op, rows, toDoubles(outputs.get("y").get("data")));
            JsonNode indices = outputs.has("indices") ? outputs.get("indices")
                    : outputs.get("flat_index");
            if (indices != null) {
                checkIndices(name, op, rows, toInts(indices.get("data")));
            }
            checked++;
        }
        assertTrue(checked >= 36, "only " + checked + " cases checked");
    }

    private static void checkValues(String name, String op, Rows rows, double[] expected) {
        double[] doubles = new double[rows.count];
        float[] floats = new float[rows.count];
        float[] floatInput = rows.floats();
        switch (op) {
            case "reduce_sum" -> {
                RowReductions.sum(rows.data, 0, rows.count, rows.length, doubles, 0);
                RowReductions.sum(floatInput, 0, rows.count, rows.length, floats, 0);
            }
            case "reduce_mean" -> {
                RowReductions.mean(rows.data, 0, rows.count, rows.length, doubles, 0);
                RowReductions.mean(floatInput, 0, rows.count, rows.length, floats, 0);
            }
            case "reduce_max" -> {
                RowReductions.max(rows.data, 0, rows.count, rows.length, doubles, 0);
                RowReductions.max(floatInput, 0, rows.count, rows.length, floats, 0);
            }
            case "reduce_min" -> {
                RowReductions.min(rows.data, 0, rows.count, rows.length, doubles, 0);
                RowReductions.min(floatInput, 0, rows.count, rows.length, floats, 0);
            }
            default -> throw new AssertionError(name + ": unexpected op " + op);
        }

        assertEquals(expected.length, rows.count, name + ": output count");
        double maxAbs = Arrays.stream(expected).map(Math::abs).max().orElse(0);
        for (int i = 0; i < expected.length; i++) {
            double doubleBound = DOUBLE_RTOL * Math.abs(expected[i]) + DOUBLE_ATOL * maxAbs;
            double floatBound = FLOAT_RTOL * Math.abs(expected[i]) + FLOAT_ATOL * maxAbs;
            assertEquals(expected[i], doubles[i], doubleBound, name + ": double y[" + i + "]");
            assertEquals(expected[i], floats[i], floatBound, name + ": float y[" + i + "]");
        }
    }

    private static void checkIndices(String name, String op, Rows rows, int[] expected) {
        int[] fromDoubles = new int[rows.count];
        int[] fromFloats = new int[rows.count];
        if (op.equals("reduce_max")) {
            RowReductions.argmax(rows.data, 0, rows.count, rows.length, fromDoubles, 0);
            RowReductions.argmax(rows.floats(), 0, rows.count, rows.length, fromFloats, 0);
        } else {
            RowReductions.argmin(rows.data, 0, rows.count, rows.length, fromDoubles, 0);
            RowReductions.argmin(rows.floats(), 0, rows.count, rows.length, fromFloats, 0);
        }
        assertEquals(Arrays.toString(expected), Arrays.toString(fromDoubles),
                name + ": double indices");
        assertEquals(Arrays.toString(expected), Arrays.toString(fromFloats),
                name + ": float indices");
    }

    /** Row-major rows of equal length, the reduced axis last. */
    private record Rows(double[] data, int count, int length) {

        /** Gathers the elements so that {@code axis} varies fastest, the others in order. */
        static Rows moveAxisLast(double[] data, int[] shape, int axis) {
            int outer = 1;
            for (int i = 0; i < axis; i++) {
                outer *= shape[i];
            }
            int inner = 1;
            for (int i = axis + 1; i < shape.length; i++) {
                inner *= shape[i];
            }
            int length = shape[axis];
            double[] rows = new double[data.length];
            int next = 0;
            for (int o = 0; o < outer; o++) {
                for (int in = 0; in < inner; in++) {
                    for (int k = 0; k < length; k++) {
                        rows[next++] = data[(o * length + k) * inner + in];
                    }
                }
            }
            return new Rows(rows, outer * inner, length);
        }

        float[] floats() {
            float[] result = new float[data.length];
            for (int i = 0; i < data.length; i++) {
                result[i] = (float) data[i];
            }
            return result;
        }
    }

    private static Path findReferenceFile() {
        String configured = System.getProperty("cortexj.reference.dir");
        if (configured != null) {
            Path file = Path.of(configured, "reductions.json");
            return Files.isRegularFile(file) ? file : null;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("shared").resolve("reference").resolve("reductions.json");
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return null;
    }

    private static int[] toInts(JsonNode array) {
        int[] result = new int[array.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = array.get(i).asInt();
        }
        return result;
    }

    /** Reads numbers, and the strings "NaN", "Infinity" and "-Infinity" the format allows. */
    private static double[] toDoubles(JsonNode array) {
        double[] result = new double[array.size()];
        for (int i = 0; i < result.length; i++) {
            JsonNode value = array.get(i);
            result[i] = value.isTextual() ? Double.parseDouble(value.asText()) : value.asDouble();
        }
        return result;
    }
}
