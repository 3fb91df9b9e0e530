package org.cortexj.backend.cpu.reduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class KernelProviderTest {

    /** Logger that keeps its records in memory and passes nothing to the console. */
    private static final class CapturedLog {
        final List<LogRecord> records = new ArrayList<>();
        final Logger logger = Logger.getAnonymousLogger();

        CapturedLog() {
            logger.setUseParentHandlers(false);
            logger.addHandler(new Handler() {
                @Override
                public void publish(LogRecord record) {
                    records.add(record);
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            });
        }

        LogRecord single() {
            assertEquals(1, records.size(), "log records " + records);
            return records.get(0);
        }
    }

    @Test
    void propertyFalseForcesScalarKernels() {
        CapturedLog log = new CapturedLog();

        KernelSet kernels = KernelProvider.select("false", true, log.logger);

        assertInstanceOf(ScalarFloatKernels.class, kernels.floats());
        assertInstanceOf(ScalarDoubleKernels.class, kernels.doubles());
        LogRecord record = log.single();
        assertEquals(Level.INFO, record.getLevel());
        assertTrue(record.getMessage().contains("-Dcortexj.simd=false"), record.getMessage());
    }

    @Test
    void missingModuleFallsBackWithAdvice() {
        CapturedLog log = new CapturedLog();

        KernelSet kernels = KernelProvider.select(null, false, log.logger);

        assertInstanceOf(ScalarFloatKernels.class, kernels.floats());
        assertEquals("scalar (module jdk.incubator.vector is not readable)",
                kernels.description());
        LogRecord record = log.single();
        assertEquals(Level.WARNING, record.getLevel());
        assertTrue(record.getMessage().contains("--add-modules jdk.incubator.vector"),
                record.getMessage());
    }

    @Test
    void readableModuleSelectsVectorKernels() {
        assumeTrue(VectorKernelFactory.preferredVectorBits() >= 128,
                "this CPU has no SIMD vectors of 128 bits or more");
        CapturedLog log = new CapturedLog();

        KernelSet kernels = KernelProvider.select("true", true, log.logger);

        assertInstanceOf(VectorFloatKernels.class, kernels.floats());
        assertInstanceOf(VectorDoubleKernels.class, kernels.doubles());
        LogRecord record = log.single();
        assertEquals(Level.INFO, record.getLevel());
        assertTrue(record.getMessage().contains("Vector API"), record.getMessage());
    }

    @Test
    void invalidPropertyValueIsReported() {
        CapturedLog log = new CapturedLog();

        KernelSet kernels = KernelProvider.select("off", false, log.logger);

        assertInstanceOf(ScalarFloatKernels.class, kernels.floats());
        assertEquals(2, log.records.size(), "log records " + log.records);
        String warning = log.records.get(0).getMessage();
        assertEquals(Level.WARNING, log.records.get(0).getLevel());
        assertTrue(warning.contains("-Dcortexj.simd=off"), warning);
        assertTrue(warning.contains("expected true or false"), warning);
    }

    @Test
    void jvmWithoutModuleRunsScalarPath() throws IOException, InterruptedException,
            URISyntaxException {
        String classPath = codeLocation(RowReductions.class) + File.pathSeparator
                + codeLocation(ScalarPathProbe.class);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", classPath,
                ScalarPathProbe.class.getName());
        builder.redirectErrorStream(true);

        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "probe JVM did not exit");

        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("sum=10.0 argmax=3"), output);
        assertTrue(output.contains(
                "implementation=scalar (module jdk.incubator.vector is not readable)"), output);
        assertTrue(output.contains("--add-modules jdk.incubator.vector"), output);
    }

    private static String codeLocation(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
    }
}
