package org.cortexj.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the built-in handlers on cases that the shared reference set does not cover. The files in
 * test resource folder {@code reference-extra} cover dilation, ceil mode, non-square windows,
 * max-pool ties, batch norm variants and bool masks, and {@code make_cases.py} there computes
 * their expected values with naive float64 loops. A second test checks that the handlers decline
 * attribute values they do not implement.
 */
class ExtraReferenceTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    @Test
    void extraCasesPassAtBothPrecisions() throws IOException, URISyntaxException {
        Path extra = extraFolder();
        int caseCount = 0;
        for (Path file : ReferenceLoader.listJsonFiles(extra)) {
            caseCount += ReferenceLoader.load(file).cases().size();
        }

        RunSummary summary = run(extra);

        String report = report();
        assertEquals(0, summary.fileErrors(), report);
        assertEquals(0, summary.failed(), report);
        assertEquals(0, summary.skipped(), report);
        assertEquals(caseCount, summary.passed(), report);
        assertTrue(caseCount >= 28, "expected the 28 generated cases, found " + caseCount);
    }

    @Test
    void unsupportedAttributesAreSkipped() throws IOException {
        VectorFiles.writeCases(folder, "unsupported.json", "mixed",
                """
                {"name": "conv2d/groups2", "op": "conv2d", "attrs": {"groups": 2},
                 "inputs": {"x": {"shape": [1, 2, 3, 3], "data": [0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]}},
                 "params": {"weight": {"shape": [2, 1, 1, 1], "data": [1, 1]}},
                 "outputs": {"y": {"shape": [1, 2, 3, 3], "data": [0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]}}}
                """,
                """
                {"name": "conv2d/same_even_kernel", "op": "conv2d", "attrs": {"padding": "same"},
                 "inputs": {"x": {"shape": [1, 1, 2, 2], "data": [0, 0, 0, 0]}},
                 "params": {"weight": {"shape": [1, 1, 2, 2], "data": [1, 1, 1, 1]}},
                 "outputs": {"y": {"shape": [1, 1, 2, 2], "data": [0, 0, 0, 0]}}}
                """,
                """
                {"name": "avgpool2d/divisor_override", "op": "avgpool2d",
                 "attrs": {"kernel": [1, 1], "divisor_override": 2},
                 "inputs": {"x": {"shape": [1, 1, 1, 1], "data": [1]}},
                 "outputs": {"y": {"shape": [1, 1, 1, 1], "data": [0.5]}}}
                """,
                """
                {"name": "batchnorm/3d", "op": "batchnorm", "attrs": {"kind": "BatchNorm3d"},
                 "inputs": {"x": {"shape": [1, 1, 1, 1, 2], "data": [1, 2]}},
                 "outputs": {"y": {"shape": [1, 1, 1, 1, 2], "data": [-1, 1]}}}
                """,
                """
                {"name": "batchnorm/cumulative", "op": "batchnorm", "attrs": {"momentum": null},
                 "inputs": {"x": {"shape": [2, 1], "data": [1, 2]}},
                 "outputs": {"y": {"shape": [2, 1], "data": [-1, 1]}}}
                """,
                """
                {"name": "alpha_dropout_masked/other_alpha", "op": "alpha_dropout_masked",
                 "attrs": {"p": 0.5, "alpha": 1.5},
                 "inputs": {"x": {"shape": [1], "data": [1]}, "mask": {"shape": [1], "data": [1]}},
                 "outputs": {"y": {"shape": [1], "data": [1]}}}
                """);

        RunSummary summary = run(folder);

        String report = report();
        assertEquals(new RunSummary(0, 0, 6, 0), summary, report);
        assertTrue(report.contains(ConformanceRunner.UNSUPPORTED_ATTRIBUTES), report);
    }

    private RunSummary run(Path path) throws IOException {
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            return new ConformanceRunner(BuiltInHandlers.registry(), out).run(path, EnumSet.allOf(Precision.class));
        }
    }

    private String report() {
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private static Path extraFolder() throws URISyntaxException {
        URL folder = ExtraReferenceTest.class.getResource("/reference-extra");
        if (folder == null) {
            throw new IllegalStateException("test resource folder reference-extra is missing from the class path");
        }
        return Paths.get(folder.toURI());
    }
}
