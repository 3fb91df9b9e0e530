package org.cortexj.backend.cpu.gemm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GemmProviderTest {

    private static final String LOAD_ERROR =
            "OpenBLAS native library failed to load: no jniopenblas in java.library.path";

    private final List<LogRecord> records = new ArrayList<>();
    private Logger logger;

    @BeforeEach
    void captureLog() {
        logger = Logger.getAnonymousLogger();
        logger.setUseParentHandlers(false);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord logRecord) {
                records.add(logRecord);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    @Test
    void propertyJavaSelectsFallbackWithoutLoading() {
        Supplier<Gemm> loader = () -> fail("OpenBLAS must not be loaded when the property is java");

        Gemm gemm = GemmProvider.select("java", loader, logger);

        assertInstanceOf(JavaGemm.class, gemm);
        LogRecord line = singleLine();
        assertEquals(Level.INFO, line.getLevel());
        assertTrue(line.getMessage().contains("pure Java"), line.getMessage());
        assertTrue(line.getMessage().contains("cortexj.blas=java"), line.getMessage());
    }

    @Test
    void systemPropertyJavaSelectsFallback() {
        String previous = System.getProperty(GemmProvider.PROPERTY);
        System.setProperty(GemmProvider.PROPERTY, "java");
        try {
            assertInstanceOf(JavaGemm.class, GemmProvider.selectFromProperty(logger));
        } finally {
            restoreProperty(previous);
        }
        assertTrue(singleLine().getMessage().contains("cortexj.blas=java"));
    }

    @Test
    void loadFailureFallsBackWithWarning() {
        Gemm gemm = GemmProvider.select(null, GemmProviderTest::failToLoad, logger);

        assertInstanceOf(JavaGemm.class, gemm);
        LogRecord line = singleLine();
        assertEquals(Level.WARNING, line.getLevel());
        assertTrue(line.getMessage().contains(LOAD_ERROR), line.getMessage());
        assertTrue(line.getMessage().contains("cortexj.blas=java"), line.getMessage());
    }

    @Test
    void forcedOpenBlasFailureThrows() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> GemmProvider.select("openblas", GemmProviderTest::failToLoad, logger));

        assertTrue(e.getMessage().contains("cortexj.blas=openblas"), e.getMessage());
        assertTrue(e.getMessage().contains(LOAD_ERROR), e.getMessage());
        assertEquals(0, records.size(), "a failed forced choice logs nothing");
    }

    @Test
    void unknownPropertyValueRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GemmProvider.select("mkl", GemmProviderTest::failToLoad, logger));

        assertEquals("System property cortexj.blas has invalid value 'mkl'; expected openblas"
                + " or java, or leave it unset to use OpenBLAS when it loads", e.getMessage());
    }

    @Test
    void automaticChoicePrefersOpenBlas() {
        Gemm gemm = GemmProvider.select(null, OpenBlasGemm::load, logger);

        assertInstanceOf(OpenBlasGemm.class, gemm);
        LogRecord line = singleLine();
        assertEquals(Level.INFO, line.getLevel());
        assertTrue(line.getMessage().startsWith("Matrix multiply uses OpenBLAS"),
                line.getMessage());
    }

    @Test
    void forcedOpenBlasLoads() {
        Gemm gemm = GemmProvider.select(" OpenBLAS ", OpenBlasGemm::load, logger);

        assertInstanceOf(OpenBlasGemm.class, gemm);
        assertTrue(singleLine().getMessage().contains("cortexj.blas=openblas"));
    }

    @Test
    void loggerNameIsBackendLogger() {
        assertEquals("org.cortexj.backend", GemmProvider.LOGGER_NAME);
    }

    private LogRecord singleLine() {
        assertEquals(1, records.size(), "expected exactly one log record, got " + records.size());
        LogRecord line = records.get(0);
        assertFalse(line.getMessage().contains("\n"), "log message spans lines: "
                + line.getMessage());
        return line;
    }

    private static Gemm failToLoad() {
        throw new IllegalStateException(LOAD_ERROR);
    }

    private static void restoreProperty(String previous) {
        if (previous == null) {
            System.clearProperty(GemmProvider.PROPERTY);
        } else {
            System.setProperty(GemmProvider.PROPERTY, previous);
        }
    }
}
