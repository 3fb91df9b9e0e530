package org.cortexj.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.cortexj.backend.DataType;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TensorAdaptersTest {

    @TempDir
    Path folder;

    private ReferenceCase squareCase() throws IOException {
        return VectorFiles.onlyCase(folder, """
                {"name": "square/a", "op": "square",
                 "inputs": {"x": {"shape": [2, 2], "data": [0.1, -2, 3, "NaN"]},
                            "labels": {"shape": [2], "dtype": "int64", "data": [1, 0]}},
                 "dy": {"shape": [2, 2], "data": [1, 1, 1, 1]},
                 "outputs": {"y": {"shape": [2, 2], "data": [0.01, 4, 9, "NaN"]}},
                 "grads": {"x": {"shape": [2, 2], "data": [0.2, -4, 6, "NaN"]}}}
                """);
    }

    @Test
    void floatInputFollowsPrecision() throws IOException {
        ReferenceTensor x = squareCase().inputs().get("x");

        Tensor single = x.toTensor(Precision.FLOAT32);
        Tensor twice = x.toTensor(Precision.FLOAT64);

        assertEquals(DataType.FLOAT32, single.dataType());
        assertEquals(DataType.FLOAT64, twice.dataType());
        assertArrayEquals(new int[] {2, 2}, single.shape().dims());
        assertEquals(0.1f, single.toFloatArray()[0]);
        assertEquals(0.1, twice.toDoubleArray()[0]);
        assertTrue(Double.isNaN(twice.toDoubleArray()[3]));
    }

    @Test
    void int64InputBecomesInt32() throws IOException {
        Tensor labels = squareCase().inputs().get("labels").toTensor(Precision.FLOAT32);

        assertEquals(DataType.INT32, labels.dataType());
        assertArrayEquals(new int[] {1, 0}, labels.toIntArray());
    }

    @Test
    void checkerComparesLibraryTensors() throws IOException {
        ReferenceCase c = squareCase();
        Tensor x = c.inputs().get("x").toTensor(Precision.FLOAT64);
        Tensor dx = x.mul(2.0);

        CaseResult result = CaseChecker.forCase(c, Precision.FLOAT64)
                .output("y", x.square())
                .grad("x", dx)
                .result();

        assertEquals(CaseResult.Status.PASSED, result.status(), result::toString);
        assertEquals(List.of("outputs.y", "grads.x"),
                result.comparisons().stream().map(Comparison::label).toList());
    }

    @Test
    void missingGradientFails() throws IOException {
        ReferenceCase c = squareCase();

        CaseResult result = CaseChecker.forCase(c, Precision.FLOAT64).grad("x", null).result();

        assertEquals(CaseResult.Status.FAILED, result.status());
        assertEquals("grads.x: missing, the library computed no tensor; expected shape [2, 2]",
                result.worstFailure().orElseThrow().describe());
    }
}
