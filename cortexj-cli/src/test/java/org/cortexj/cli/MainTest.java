package org.cortexj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cortexj.conformance.CaseChecker;
import org.cortexj.conformance.CaseHandler;
import org.cortexj.conformance.CaseResult;
import org.cortexj.conformance.HandlerRegistry;
import org.cortexj.conformance.Precision;
import org.cortexj.conformance.ReferenceCase;
import org.cortexj.conformance.ReferenceTensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final IdentityHandler handler = new IdentityHandler();

    /** Handler for an op {@code identity}: y = x. */
    private static final class IdentityHandler implements CaseHandler {

        final List<Precision> precisionsRun = new ArrayList<>();

        @Override
        public boolean supports(ReferenceCase c) {
            return true;
        }

        @Override
        public CaseResult run(ReferenceCase c, Precision p) {
            precisionsRun.add(p);
            ReferenceTensor x = c.inputs().get("x");
            return CaseChecker.forCase(c, p).output("y", x.shape(), x.data()).result();
        }
    }

    @BeforeEach
    void writeVectors() throws IOException {
        Files.writeString(folder.resolve("identity.json"), """
                {"family": "test", "cases": [
                 {"name": "identity/a", "op": "identity",
                  "inputs": {"x": {"shape": [2], "data": [1, "NaN"]}},
                  "outputs": {"y": {"shape": [2], "data": [1, "NaN"]}}},
                 {"name": "other/a", "op": "not_built", "inputs": {}}]}
                """);
    }

    private int run(String... args) {
        HandlerRegistry registry = new HandlerRegistry().register(handler, "identity");
        return Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), registry);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void passingRunExitsZero() {
        int status = run("check-reference", folder.toString());

        assertEquals(0, status, stderr());
        assertEquals(List.of("skipped not_built (1 case): not implemented yet", "1 passed, 0 failed, 1 skipped"),
                stdout().lines().toList());
        assertEquals(List.of(Precision.FLOAT32, Precision.FLOAT64), handler.precisionsRun);
    }

    @Test
    void failingCaseExitsOne() throws IOException {
        Files.writeString(folder.resolve("wrong.json"), """
                {"family": "test", "cases": [
                 {"name": "identity/wrong", "op": "identity",
                  "inputs": {"x": {"shape": [1], "data": [1]}},
                  "outputs": {"y": {"shape": [1], "data": [2]}}}]}
                """);

        int status = run("check-reference", folder.toString(), "--precision", "float64");

        assertEquals(1, status, stderr());
        assertTrue(stdout().startsWith("FAIL identity/wrong [float64] (wrong.json cases[0]): outputs.y"), stdout());
        assertTrue(stdout().endsWith("1 passed, 1 failed, 1 skipped" + System.lineSeparator()), stdout());
    }

    @Test
    void precisionOptionSelectsAndIgnoresCase() {
        assertEquals(0, run("check-reference", "--precision=FLOAT64", folder.toString()));
        assertEquals(0, run("check-reference", "--precision", "float32", folder.toString()));

        assertEquals(List.of(Precision.FLOAT64, Precision.FLOAT32), handler.precisionsRun);
    }

    @Test
    void malformedFileExitsTwo() throws IOException {
        Files.writeString(folder.resolve("broken.json"), "{\"family\": \"test\", \"cases\": [");

        int status = run("check-reference", folder.toString());

        assertEquals(2, status);
        assertTrue(stdout().startsWith("error: broken.json: invalid JSON"), stdout());
    }

    @Test
    void invalidTrainingOptionNamesOption() {
        int status = run("train", "--label-smoothing", "1.5", "--output", folder.resolve("out").toString());

        assertEquals(2, status);
        assertEquals("train: --label-smoothing must be in [0, 1], got 1.5; 0 turns it off, 0.1 is a common choice",
                stderr().strip());
        assertEquals("", stdout());
    }

    @Test
    void zeroBatchSizeRejectedBeforeWork() {
        assertEquals(2, run("compare", "--batch-size", "0", "--output", folder.resolve("out").toString()));
        assertEquals("compare: --batch-size must be at least 1, got 0; 128 is the default", stderr().strip());
        assertEquals(2, run("train", "--weight-decay", "-1", "--output", folder.resolve("out").toString()));
        assertTrue(stderr().contains("train: --weight-decay must be finite and >= 0, got -1.0; 0 turns it off, 5e-4 is a "
                + "common strength"), stderr());
        assertFalse(Files.exists(folder.resolve("out")), "no output folder for a rejected run");
    }

    @Test
    void missingFolderExitsTwo() {
        int status = run("check-reference", folder.resolve("absent").toString());

        assertEquals(2, status);
        assertTrue(stderr().contains("absent does not exist"), stderr());
        assertEquals("", stdout());
    }

    @Test
    void invalidPrecisionExitsTwo() {
        int status = run("check-reference", "--precision", "float16", folder.toString());

        assertEquals(2, status);
        assertTrue(stderr().contains("Invalid value for option '--precision'"), stderr());
        assertTrue(handler.precisionsRun.isEmpty());
    }

    @Test
    void missingSubcommandExitsTwo() {
        assertEquals(2, run());
        assertTrue(stderr().contains("Usage: cortexj"), stderr());
        assertTrue(stderr().contains("check-reference"), stderr());
    }

    @Test
    void helpGivesDefaultsAndExitCodes() {
        int status = run("check-reference", "--help");

        assertEquals(0, status);
        String help = stdout().replaceAll("\\s+", " ");
        assertTrue(help.contains("run each case at: float32, float64, both. Default: both."), help);
        assertTrue(help.contains("float64 rtol 1e-8, atol 1e-9"), help);
        assertTrue(help.contains("1 at least one case failed"), help);
        assertTrue(help.contains("2 invalid arguments, or a file could not be read"), help);
    }

    @Test
    void versionNamesProjectVersion() throws IOException {
        int status = run("--version");

        assertEquals(0, status);
        String version = VersionProvider.projectVersion();
        assertNotEquals("unknown", version);
        assertTrue(stdout().startsWith("cortexj " + version + System.lineSeparator()), stdout());
    }

    @Test
    void verboseWorksBeforeAndAfterSubcommand() {
        assertEquals(0, run("check-reference", folder.toString()));
        assertFalse(stderr().contains("FINE"), stderr());

        assertEquals(0, run("--verbose", "check-reference", folder.toString()));
        assertTrue(stderr().contains("FINE ConformanceRunner: read identity.json (2 cases)"), stderr());

        err.reset();
        assertEquals(0, run("check-reference", folder.toString(), "--verbose"));
        assertTrue(stderr().contains("FINE ConformanceRunner: read identity.json (2 cases)"), stderr());
    }

    @Test
    void logLinesHaveOneLineFormat() {
        LogSetup.OneLineFormatter formatter = new LogSetup.OneLineFormatter(false);
        java.util.logging.LogRecord record = new java.util.logging.LogRecord(java.util.logging.Level.WARNING,
                "file {0} ignored");
        record.setLoggerName("org.cortexj.conformance.ConformanceRunner");
        record.setParameters(new Object[] {"a.json"});
        record.setThrown(new IllegalStateException("bad"));

        String line = formatter.format(record);

        assertEquals("WARNING ConformanceRunner: file a.json ignored (java.lang.IllegalStateException: bad)"
                + System.lineSeparator(), line);
        assertEquals(1, Arrays.stream(line.split(System.lineSeparator())).count());
    }
}
