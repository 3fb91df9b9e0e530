package org.cortexj.optim;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates and parses the reference vector files (PyTorch 1.13 float64 results, one JSON file
 * per family). The directory comes from the system property {@value #PROPERTY}, or is the
 * first {@code shared/reference} found in the working directory or one of its parents.
 */
final class ReferenceVectors {

    static final String PROPERTY = "cortexj.reference.dir";

    private ReferenceVectors() {
    }

    static JsonNode read(String fileName) throws IOException {
        return new ObjectMapper().readTree(locate(fileName).toFile());
    }

    private static Path locate(String fileName) {
        String configured = System.getProperty(PROPERTY);
        if (configured != null) {
            return Paths.get(configured, fileName);
        }
        for (Path directory = Paths.get("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            Path candidate = directory.resolve("shared").resolve("reference").resolve(fileName);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return fail(fileName + " not found in shared/reference above " + Paths.get("").toAbsolutePath()
                + "; set -D" + PROPERTY + "=DIRECTORY");
    }

    /** Reads a number written as a JSON number or as "NaN", "Infinity" or "-Infinity". */
    static double number(JsonNode node) {
        if (node.isTextual()) {
            switch (node.asText()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    throw new IllegalArgumentException("not a number: \"" + node.asText() + "\"");
            }
        }
        if (!node.isNumber()) {
            throw new IllegalArgumentException("not a number: " + node);
        }
        return node.asDouble();
    }

    /** Reads the shape of a {@code {"shape": [...], "data": [...]}} tensor. */
    static int[] shape(JsonNode tensor) {
        JsonNode dims = tensor.get("shape");
        int[] shape = new int[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = dims.get(i).asInt();
        }
        return shape;
    }

    /** Reads the row-major values of a {@code {"shape": [...], "data": [...]}} tensor. */
    static double[] data(JsonNode tensor) {
        JsonNode values = tensor.get("data");
        double[] data = new double[values.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = number(values.get(i));
        }
        return data;
    }
}
