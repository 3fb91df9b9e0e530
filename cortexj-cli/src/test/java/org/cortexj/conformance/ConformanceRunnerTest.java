package org.cortexj.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceRunnerTest {

    private static final Set<Precision> BOTH = EnumSet.allOf(Precision.class);
    private static final Set<Precision> FLOAT64 = EnumSet.of(Precision.FLOAT64);

    private static final String NEGATE_OK = """
            {"name": "negate/ok", "op": "negate",
             "inputs": {"x": {"shape": [3], "data": [1, -2, "NaN"]}},
             "dy": {"shape": [3], "data": [1, 0.5, 1]},
             "outputs": {"y": {"shape": [3], "data": [-1, 2, "NaN"]}},
             "grads": {"x": {"shape": [3], "data": [-1, -0.5, -1]}}}
            """;

    private static final String NEGATE_WRONG = """
            {"name": "negate/wrong", "op": "negate",
             "inputs": {"x": {"shape": [3], "data": [1, -2, 3]}},
             "dy": {"shape": [3], "data": [1, 1, 1]},
             "outputs": {"y": {"shape": [3], "data": [-1, 2.5, -3]}},
             "grads": {"x": {"shape": [3], "data": [-1, -1, 1]}}}
            """;

    private static final String CONV = """
            {"name": "conv/%d", "op": "conv2d", "attrs": {"kernel": [3, 3]},
             "inputs": {"x": {"shape": [1], "data": [1]}}}
            """;

    @TempDir
    Path folder;

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream report = new PrintStream(buffer, true, StandardCharsets.UTF_8);

    private List<String> lines() {
        return buffer.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private RunSummary run(HandlerRegistry registry, Set<Precision> precisions) throws IOException {
        return new ConformanceRunner(registry, report).run(folder, precisions);
    }

    private static HandlerRegistry negateOnly(CaseHandler handler) {
        return new HandlerRegistry().register(handler, "negate");
    }

    @Test
    void passingCaseRunsAtBothPrecisions() throws IOException {
        VectorFiles.writeCases(folder, "negate.json", "unary", NEGATE_OK);
        NegateHandler handler = new NegateHandler();

        RunSummary summary = run(negateOnly(handler), BOTH);

        assertEquals(List.of(Precision.FLOAT32, Precision.FLOAT64), handler.precisionsRun);
        assertEquals(new RunSummary(1, 0, 0, 0), summary);
        assertEquals(0, summary.exitCode());
        assertEquals(List.of("1 passed, 0 failed, 0 skipped"), lines());
    }

    @Test
    void failingCasePrintsWorstTensor() throws IOException {
        VectorFiles.writeCases(folder, "negate.json", "unary", NEGATE_WRONG);

        RunSummary summary = run(negateOnly(new NegateHandler()), FLOAT64);

        assertEquals(new RunSummary(0, 1, 0, 0), summary);
        assertEquals(1, summary.exitCode());
        List<String> lines = lines();
        assertEquals(2, lines.size(), lines::toString);
        String failure = lines.get(0);
        assertTrue(failure.startsWith("FAIL negate/wrong [float64] (negate.json cases[0]): grads.x: "
                + "1 of 3 values outside tolerance; worst at flat index 2: got -1.00000000, expected "
                + "1.00000000, error 2.00 = "), failure);
        assertTrue(failure.contains("x allowed 1.10e-08 (rtol 1e-08, atol 1e-09 x max|expected| 1.00000000)"),
                failure);
        assertTrue(failure.endsWith("; also outside tolerance: outputs.y"), failure);
        assertEquals("0 passed, 1 failed, 0 skipped", lines.get(1));
    }

    @Test
    void eachFailingPrecisionGetsALine() throws IOException {
        VectorFiles.writeCases(folder, "negate.json", "unary", NEGATE_WRONG);

        RunSummary summary = run(negateOnly(new NegateHandler()), BOTH);

        assertEquals(new RunSummary(0, 1, 0, 0), summary);
        List<String> lines = lines();
        assertTrue(lines.get(0).startsWith("FAIL negate/wrong [float32]"), lines::toString);
        assertTrue(lines.get(1).startsWith("FAIL negate/wrong [float64]"), lines::toString);
        assertTrue(lines.get(0).contains("(rtol 1e-04, atol 1e-05"), lines::toString);
    }

    @Test
    void throwingHandlerFailsWithMessage() throws IOException {
        VectorFiles.writeCases(folder, "negate.json", "unary", NEGATE_OK);
        CaseHandler throwing = new FixedHandler(null) {
            @Override
            public CaseResult run(ReferenceCase c, Precision p) {
                throw new IllegalStateException("negate: shape [3] is\nnot supported");
            }
        };

        RunSummary summary = run(negateOnly(throwing), FLOAT64);

        assertEquals(new RunSummary(0, 1, 0, 0), summary);
        assertEquals("FAIL negate/ok [float64] (negate.json cases[0]): IllegalStateException: "
                + "negate: shape [3] is not supported", lines().get(0));
    }

    @Test
    void unknownOpIsSkippedAndNamedOnce() throws IOException {
        VectorFiles.writeCases(folder, "mixed.json", "mixed",
                String.format(CONV, 1), NEGATE_OK, String.format(CONV, 2));

        RunSummary summary = run(negateOnly(new NegateHandler()), BOTH);

        assertEquals(new RunSummary(1, 0, 2, 0), summary);
        assertEquals(0, summary.exitCode());
        assertEquals(List.of("skipped conv2d (2 cases): not implemented yet", "1 passed, 0 failed, 2 skipped"),
                lines());
    }

    @Test
    void dispatchIgnoresFileNameAndFamily() throws IOException {
        VectorFiles.writeCases(folder, "conv2d.json", "conv2d", NEGATE_OK);
        NegateHandler handler = new NegateHandler();
        HandlerRegistry registry = negateOnly(handler).register(new FixedHandler(CaseResult.failed("wrong")), "conv2d");

        RunSummary summary = run(registry, FLOAT64);

        assertEquals(new RunSummary(1, 0, 0, 0), summary);
        assertEquals(List.of(Precision.FLOAT64), handler.precisionsRun);
    }

    @Test
    void malformedFileIsReportedOthersStillRun() throws IOException {
        VectorFiles.writeCases(folder, "a_bad.json", "unary", """
                {"name": "negate/bad", "op": "negate", "inputs": {"x": {"shape": [2, 2], "data": [1, 2, 3]}}}
                """);
        VectorFiles.writeCases(folder, "b_good.json", "unary", NEGATE_OK);

        RunSummary summary = run(negateOnly(new NegateHandler()), BOTH);

        assertEquals(new RunSummary(1, 0, 0, 1), summary);
        assertEquals(2, summary.exitCode());
        assertEquals(List.of(
                "error: a_bad.json: cases[0].inputs.x.data: has 3 values but the shape needs 4 "
                        + "(the product of the dimensions)",
                "1 file could not be read; see the error lines above",
                "1 passed, 0 failed, 0 skipped"), lines());
    }

    @Test
    void unsupportedAttributesAreSkipped() throws IOException {
        VectorFiles.writeCases(folder, "negate.json", "unary", """
                {"name": "negate/odd", "op": "negate", "attrs": {"unsupported": true},
                 "inputs": {"x": {"shape": [1], "data": [1]}}}
                """);

        RunSummary summary = run(negateOnly(new NegateHandler()), BOTH);

        assertEquals(new RunSummary(0, 0, 1, 0), summary);
        assertEquals("skipped negate (1 case): no handler supports these attributes", lines().get(0));
    }

    @Test
    void skipAtOnePrecisionStillCountsThePass() throws IOException {
        VectorFiles.writeCases(folder, "negate.json", "unary", NEGATE_OK);
        NegateHandler negate = new NegateHandler();
        CaseHandler float64Only = new FixedHandler(null) {
            @Override
            public CaseResult run(ReferenceCase c, Precision p) {
                return p == Precision.FLOAT32 ? CaseResult.skipped("float32 not built") : negate.run(c, p);
            }
        };

        RunSummary summary = run(negateOnly(float64Only), BOTH);

        assertEquals(new RunSummary(1, 0, 0, 0), summary);
        assertEquals(List.of("skipped negate at float32 only (1 case): float32 not built",
                "1 passed, 0 failed, 0 skipped"), lines());
    }

    @Test
    void skipAtEveryPrecisionCountsAsSkipped() throws IOException {
        VectorFiles.writeCases(folder, "negate.json", "unary", NEGATE_OK, NEGATE_WRONG);

        RunSummary summary = run(negateOnly(new FixedHandler(CaseResult.skipped("waiting for Tensor"))), BOTH);

        assertEquals(new RunSummary(0, 0, 2, 0), summary);
        assertEquals(List.of("skipped negate (2 cases): waiting for Tensor", "0 passed, 0 failed, 2 skipped"),
                lines());
    }

    @Test
    void nullResultFails() throws IOException {
        VectorFiles.writeCases(folder, "negate.json", "unary", NEGATE_OK);

        RunSummary summary = run(negateOnly(new FixedHandler(null)), FLOAT64);

        assertEquals(new RunSummary(0, 1, 0, 0), summary);
        assertTrue(lines().get(0).endsWith("FixedHandler.run returned null"), lines()::toString);
    }

    @Test
    void throwingSupportsFailsTheCase() throws IOException {
        VectorFiles.writeCases(folder, "negate.json", "unary", NEGATE_OK);
        CaseHandler broken = new FixedHandler(null) {
            @Override
            public boolean supports(ReferenceCase c) {
                return c.attrs().intValue("groups") == 1;
            }
        };

        RunSummary summary = run(negateOnly(broken), BOTH);

        assertEquals(new RunSummary(0, 1, 0, 0), summary);
        assertTrue(lines().get(0).startsWith("FAIL negate/ok (negate.json cases[0]): supports() threw "
                + "ReferenceFormatException: case 'negate/ok': attribute \"groups\" is missing"), lines()::toString);
    }

    @Test
    void manifestIsIgnored() throws IOException {
        VectorFiles.write(folder, "MANIFEST.json", "{\"set\": \"public\", \"files\": {\"negate.json\": {}}}");
        VectorFiles.writeCases(folder, "negate.json", "unary", NEGATE_OK);

        RunSummary summary = run(negateOnly(new NegateHandler()), BOTH);

        assertEquals(new RunSummary(1, 0, 0, 0), summary);
        assertEquals(List.of("1 passed, 0 failed, 0 skipped"), lines());
    }

    @Test
    void singleFileCanBeGiven() throws IOException {
        Path file = VectorFiles.writeCases(folder, "negate.json", "unary", NEGATE_OK);
        VectorFiles.writeCases(folder, "other.json", "unary", NEGATE_WRONG);

        RunSummary summary = new ConformanceRunner(negateOnly(new NegateHandler()), report).run(file, BOTH);

        assertEquals(new RunSummary(1, 0, 0, 0), summary);
    }

    @Test
    void emptyFolderIsAnError() throws IOException {
        RunSummary summary = run(new HandlerRegistry(), BOTH);

        assertEquals(new RunSummary(0, 0, 0, 1), summary);
        assertEquals("error: " + folder + ": folder contains no *.json files", lines().get(0));
    }

    @Test
    void missingFolderThrows() {
        ConformanceRunner runner = new ConformanceRunner(new HandlerRegistry(), report);

        assertThrows(NoSuchFileException.class, () -> runner.run(folder.resolve("absent"), BOTH));
        assertThrows(IllegalArgumentException.class, () -> runner.run(folder, EnumSet.noneOf(Precision.class)));
    }

    /** Handler that supports every case and returns the same result. */
    private static class FixedHandler implements CaseHandler {

        private final CaseResult result;

        FixedHandler(CaseResult result) {
            this.result = result;
        }

        @Override
        public boolean supports(ReferenceCase c) {
            return true;
        }

        @Override
        public CaseResult run(ReferenceCase c, Precision p) {
            return result;
        }
    }
}
