package org.cortexj.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceLoaderTest {

    @TempDir
    Path folder;

    private static final String CONV_CASE = """
            {"name": "conv/a", "op": "conv2d",
             "attrs": {"kernel": [3, 3], "bias": true},
             "inputs": {"x": {"shape": [1, 1, 2, 2], "data": [1, 2.5, -3, 4e-3]}},
             "params": {"weight": {"shape": [2], "data": [0.5, -0.5]}},
             "dy": {"shape": [2], "data": [1, 1]},
             "outputs": {"y": {"shape": [2], "data": [7, 8]}},
             "grads": {"x": {"shape": [1, 1, 2, 2], "data": [0, 0, 0, 0]}},
             "notes": "kept in raw"}
            """;

    @Test
    void loadsPartsShapesAndValues() throws IOException {
        Path file = VectorFiles.writeCases(folder, "conv.json", "conv", CONV_CASE);

        ReferenceFile loaded = ReferenceLoader.load(file);

        assertEquals("conv", loaded.family());
        assertEquals(1, loaded.cases().size());
        ReferenceCase c = loaded.cases().get(0);
        assertEquals("conv/a", c.name());
        assertEquals("conv2d", c.op());
        assertEquals("conv", c.family());
        assertArrayEquals(new int[] {1, 1, 2, 2}, c.inputs().get("x").shape());
        assertArrayEquals(new double[] {1, 2.5, -3, 4e-3}, c.inputs().get("x").data());
        assertArrayEquals(new double[] {0.5, -0.5}, c.params().get("weight").data());
        assertArrayEquals(new double[] {7, 8}, c.outputs().get("y").data());
        assertTrue(c.dy().isPresent());
        assertTrue(c.intermediates().isEmpty());
        assertEquals("kept in raw", c.raw().get("notes").textValue());
        assertEquals("test", loaded.header().get("set").textValue());
        assertFalse(loaded.header().has("cases"));
    }

    @Test
    void nonFiniteStringsBecomeDoubles() throws IOException {
        ReferenceCase c = VectorFiles.onlyCase(folder, """
                {"name": "n", "op": "exp",
                 "inputs": {"x": {"shape": [4], "data": ["NaN", "Infinity", "-Infinity", 1]}}}
                """);

        double[] x = c.inputs().get("x").data();

        assertTrue(Double.isNaN(x[0]));
        assertEquals(Double.POSITIVE_INFINITY, x[1]);
        assertEquals(Double.NEGATIVE_INFINITY, x[2]);
        assertEquals(1.0, x[3]);
    }

    @Test
    void bareNonFiniteTokensAreAccepted() throws IOException {
        ReferenceCase c = VectorFiles.onlyCase(folder, """
                {"name": "n", "op": "exp",
                 "inputs": {"x": {"shape": [3], "data": [NaN, Infinity, -Infinity]}}}
                """);

        double[] x = c.inputs().get("x").data();

        assertTrue(Double.isNaN(x[0]));
        assertEquals(Double.POSITIVE_INFINITY, x[1]);
        assertEquals(Double.NEGATIVE_INFINITY, x[2]);
    }

    @Test
    void integerMinusZeroKeepsItsSign() throws IOException {
        ReferenceCase c = VectorFiles.onlyCase(folder, """
                {"name": "z", "op": "relu",
                 "inputs": {"x": {"shape": [3], "data": [-0, 0, -0.0]}}}
                """);

        double[] x = c.inputs().get("x").data();

        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(x[0]));
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(x[1]));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(x[2]));
    }

    @Test
    void emptyTensorHasNoValues() throws IOException {
        ReferenceCase c = VectorFiles.onlyCase(folder, """
                {"name": "e", "op": "sum", "inputs": {"x": {"shape": [2, 0, 3], "data": []}}}
                """);

        ReferenceTensor x = c.inputs().get("x");

        assertEquals(0, x.size());
        assertEquals(0, x.data().length);
        assertArrayEquals(new int[] {2, 0, 3}, x.shape());
    }

    @Test
    void scalarShapeHoldsOneValue() throws IOException {
        ReferenceCase c = VectorFiles.onlyCase(folder, """
                {"name": "s", "op": "mse_loss", "dy": {"shape": [], "data": [1]},
                 "outputs": {"y": {"shape": [], "data": [0.25]}}}
                """);

        ReferenceTensor y = c.outputs().get("y");

        assertEquals(0, y.rank());
        assertEquals(1, y.size());
        assertEquals(0.25, y.scalarValue());
        assertEquals(1.0, c.requireDy().scalarValue());
    }

    @Test
    void int64LabelsConvertToInts() throws IOException {
        ReferenceCase c = VectorFiles.onlyCase(folder, """
                {"name": "ce", "op": "cross_entropy",
                 "inputs": {"labels": {"shape": [3], "dtype": "int64", "data": [0, 4, 2]}}}
                """);

        ReferenceTensor labels = c.inputs().get("labels");

        assertEquals(ReferenceDtype.INT64, labels.dtype());
        assertArrayEquals(new int[] {0, 4, 2}, labels.toIntArray());
    }

    @Test
    void fractionalInt64IsRejected() {
        ReferenceFormatException error = assertThrows(ReferenceFormatException.class,
                () -> VectorFiles.onlyCase(folder, """
                        {"name": "ce", "op": "cross_entropy",
                         "inputs": {"labels": {"shape": [2], "dtype": "int64", "data": [0, 1.5]}}}
                        """));

        assertContains(error, "one.json: cases[0].inputs.labels.data[1]");
        assertContains(error, "int64");
    }

    @Test
    void boolTensorAcceptsOnlyZeroAndOne() throws IOException {
        ReferenceCase c = VectorFiles.onlyCase(folder, """
                {"name": "w", "op": "where",
                 "inputs": {"cond": {"shape": [3], "dtype": "bool", "data": [1, 0, true]}}}
                """);
        assertArrayEquals(new boolean[] {true, false, true}, c.inputs().get("cond").toBooleanArray());

        ReferenceFormatException error = assertThrows(ReferenceFormatException.class,
                () -> VectorFiles.onlyCase(folder, """
                        {"name": "w", "op": "where",
                         "inputs": {"cond": {"shape": [2], "dtype": "bool", "data": [1, 2]}}}
                        """));
        assertContains(error, "cases[0].inputs.cond.data[1]");
    }

    @Test
    void dataLengthMustMatchShape() {
        VectorFiles.writeCases(folder, "bad.json", "t", """
                {"name": "b", "op": "add", "inputs": {"a": {"shape": [2, 3], "data": [1, 2, 3, 4, 5]}}}
                """);

        ReferenceFormatException error = assertThrows(ReferenceFormatException.class,
                () -> ReferenceLoader.load(folder.resolve("bad.json")));

        assertContains(error, "bad.json: cases[0].inputs.a.data");
        assertContains(error, "has 5 values but the shape needs 6");
    }

    @Test
    void nonNumericValueIsRejected() {
        VectorFiles.writeCases(folder, "bad.json", "t", """
                {"name": "b", "op": "add", "inputs": {"a": {"shape": [2], "data": [1, "one"]}}}
                """);

        ReferenceFormatException error = assertThrows(ReferenceFormatException.class,
                () -> ReferenceLoader.load(folder.resolve("bad.json")));

        assertContains(error, "bad.json: cases[0].inputs.a.data[1]");
        assertContains(error, "\"one\"");
    }

    @Test
    void negativeOrFractionalDimensionIsRejected() {
        VectorFiles.writeCases(folder, "neg.json", "t", """
                {"name": "b", "op": "add", "inputs": {"a": {"shape": [-1], "data": []}}}
                """);
        VectorFiles.writeCases(folder, "frac.json", "t", """
                {"name": "b", "op": "add", "inputs": {"a": {"shape": [1.5], "data": [1]}}}
                """);

        assertContains(assertThrows(ReferenceFormatException.class,
                () -> ReferenceLoader.load(folder.resolve("neg.json"))), "shape[0]: dimension -1");
        assertContains(assertThrows(ReferenceFormatException.class,
                () -> ReferenceLoader.load(folder.resolve("frac.json"))), "shape[0]: expected an integer");
    }

    @Test
    void invalidJsonNamesLineAndFile() {
        VectorFiles.write(folder, "broken.json", "{\"family\": \"t\",\n \"cases\": [ {\"name\": }\n]}");

        ReferenceFormatException error = assertThrows(ReferenceFormatException.class,
                () -> ReferenceLoader.load(folder.resolve("broken.json")));

        assertContains(error, "broken.json: invalid JSON");
        assertContains(error, "line 2");
    }

    @Test
    void duplicateMemberIsRejected() {
        VectorFiles.write(folder, "dup.json", "{\"family\": \"t\", \"family\": \"u\", \"cases\": []}");

        ReferenceFormatException error = assertThrows(ReferenceFormatException.class,
                () -> ReferenceLoader.load(folder.resolve("dup.json")));

        assertContains(error, "dup.json: invalid JSON");
        assertContains(error, "family");
    }

    @Test
    void caseWithoutOpIsRejected() {
        VectorFiles.writeCases(folder, "noop.json", "t", "{\"name\": \"x\"}");

        ReferenceFormatException error = assertThrows(ReferenceFormatException.class,
                () -> ReferenceLoader.load(folder.resolve("noop.json")));

        assertContains(error, "noop.json: cases[0].op: expected a non-empty string, found nothing");
    }

    @Test
    void familyWithoutCasesIsRejected() {
        VectorFiles.write(folder, "nocases.json", "{\"family\": \"t\"}");

        ReferenceFormatException error = assertThrows(ReferenceFormatException.class,
                () -> ReferenceLoader.load(folder.resolve("nocases.json")));

        assertContains(error, "nocases.json: cases: expected an array");
    }

    @Test
    void manifestIsNotAVectorFile() throws IOException {
        Path manifest = VectorFiles.write(folder, "MANIFEST.json", "{\"set\": \"public\", \"files\": {}}");

        assertTrue(ReferenceLoader.loadIfVectorFile(manifest).isEmpty());
        assertContains(assertThrows(ReferenceFormatException.class, () -> ReferenceLoader.load(manifest)),
                "MANIFEST.json: not a reference vector file");
    }

    @Test
    void bareNumbersAndGroupsBecomeScalars() throws IOException {
        ReferenceCase c = VectorFiles.onlyCase(folder, """
                {"name": "k", "op": "alpha_dropout_constants",
                 "outputs": {"a": 0.954844476, "nan": "NaN",
                             "empirical": {"n": 1000000, "output_mean": -0.0008}}}
                """);

        assertEquals(List.of("a", "nan", "empirical.n", "empirical.output_mean"),
                List.copyOf(c.outputs().names()));
        assertEquals(0.954844476, c.outputs().get("a").scalarValue());
        assertTrue(Double.isNaN(c.outputs().get("nan").scalarValue()));
        assertEquals(1e6, c.outputs().get("empirical.n").scalarValue());
        assertEquals(0, c.outputs().get("empirical.n").rank());
    }

    @Test
    void textInATensorPartIsRejected() {
        VectorFiles.writeCases(folder, "text.json", "t", """
                {"name": "b", "op": "add", "outputs": {"y": "seven"}}
                """);

        assertContains(assertThrows(ReferenceFormatException.class,
                () -> ReferenceLoader.load(folder.resolve("text.json"))), "cases[0].outputs.y: expected a tensor");
    }

    @Test
    void omittedDataKeepsShapeAndExtras() throws IOException {
        ReferenceCase c = VectorFiles.onlyCase(folder, """
                {"name": "e2e", "op": "seednet_selu",
                 "params": {"w": {"shape": [2, 3], "data_omitted": true, "sum": 1.5,
                    "generator": {"kind": "splitmix64_int", "seed": 101, "K": 200000, "divisor": 1000000},
                    "sample_values": {"shape": [2], "data": [0.1, 0.2]}}}}
                """);

        ReferenceTensor w = c.params().get("w");

        assertFalse(w.hasData());
        assertEquals(6, w.size());
        assertContains(assertThrows(ReferenceFormatException.class, w::data), "data is omitted");
        assertEquals(1.5, w.extraDouble("sum"));
        assertArrayEquals(new double[] {0.1, 0.2}, w.extraTensor("sample_values").data());
        // Values of seed 101, K 200000 as stored in full for conv1.bias by the reference generator.
        assertArrayEquals(new double[] {0.126577, -0.193124, -0.092539, 0.021832, 0.144006},
                java.util.Arrays.copyOf(w.generatedData(), 5));
    }

    @Test
    void missingPartsAreEmpty() throws IOException {
        ReferenceCase c = VectorFiles.onlyCase(folder, "{\"name\": \"f\", \"op\": \"relu\"}");

        assertTrue(c.dy().isEmpty());
        assertTrue(c.grads().isEmpty());
        assertTrue(c.attrs().names().isEmpty());
        assertContains(assertThrows(ReferenceFormatException.class, c::requireDy), "has no \"dy\"");
        assertContains(assertThrows(ReferenceFormatException.class, () -> c.outputs().get("y")),
                "outputs has no \"y\"");
    }

    @Test
    void listsOnlyJsonFilesSorted() throws IOException {
        VectorFiles.write(folder, "b.json", "{}");
        VectorFiles.write(folder, "a.json", "{}");
        VectorFiles.write(folder, "notes.txt", "x");

        List<Path> files = ReferenceLoader.listJsonFiles(folder);

        assertEquals(List.of(folder.resolve("a.json"), folder.resolve("b.json")), files);
    }

    static void assertContains(Throwable error, String expected) {
        assertTrue(error.getMessage().contains(expected),
                () -> "message \"" + error.getMessage() + "\" should contain \"" + expected + "\"");
    }
}
