package org.cortexj.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseCheckerTest {

    @TempDir
    Path folder;

    private ReferenceCase maxCase() throws IOException {
        return VectorFiles.onlyCase(folder, """
                {"name": "max/a", "op": "reduce_max", "attrs": {"axis": 0},
                 "inputs": {"x": {"shape": [2], "data": [1, 5]}},
                 "outputs": {"y": {"shape": [], "data": [5]},
                             "indices": {"shape": [], "dtype": "int64", "data": [1]}},
                 "grads": {"x": {"shape": [2], "data": [0, 1]}}}
                """);
    }

    @Test
    void comparesOnlyTensorsTheFileGives() throws IOException {
        CaseResult result = CaseChecker.forCase(maxCase(), Precision.FLOAT64)
                .output("y", new int[0], new double[] {5})
                .output("not_in_file", new int[] {1}, new double[] {0})
                .grad("x", new int[] {2}, new float[] {0, 1})
                .result();

        assertEquals(CaseResult.Status.PASSED, result.status(), result::toString);
        assertEquals(List.of("outputs.y", "grads.x"),
                result.comparisons().stream().map(Comparison::label).toList());
        assertEquals(List.of("outputs.indices"), result.unchecked());
    }

    @Test
    void anyFailedComparisonFailsTheCase() throws IOException {
        CaseResult result = CaseChecker.forCase(maxCase(), Precision.FLOAT64)
                .output("y", new int[0], new double[] {5})
                .output("indices", new int[0], new double[] {0})
                .grad("x", new int[] {2}, new double[] {1, 0})
                .result();

        assertEquals(CaseResult.Status.FAILED, result.status());
        assertEquals(List.of("outputs.indices", "grads.x"),
                result.failures().stream().map(Comparison::label).toList());
        assertTrue(result.unchecked().isEmpty());
    }

    @Test
    void nothingComparedFailsTheCase() throws IOException {
        CaseResult result = CaseChecker.forCase(maxCase(), Precision.FLOAT32)
                .output("not_in_file", new int[] {1}, new double[] {0})
                .result();

        assertEquals(CaseResult.Status.FAILED, result.status());
        assertEquals("the handler compared no tensor with the reference", result.message());
    }

    @Test
    void usesTheDefaultToleranceOfTheOp() throws IOException {
        assertEquals(new Tolerance(1e-4, 1e-5), CaseChecker.forCase(maxCase(), Precision.FLOAT32).tolerance());
        assertEquals(new Tolerance(1e-8, 1e-9), CaseChecker.forCase(maxCase(), Precision.FLOAT64).tolerance());
    }
}
