package org.cortexj.backend.cpu.gemm;

import java.util.Locale;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Chooses the process-wide {@link Gemm}: OpenBLAS when it loads, otherwise {@link JavaGemm}.
 *
 * <p>System property {@value #PROPERTY} forces the choice: {@code openblas} fails with an
 * exception if OpenBLAS does not load, and {@code java} never tries to load it. Unset or empty
 * means the automatic choice. The choice is logged once, as one line on logger
 * {@value #LOGGER_NAME}: INFO when the choice worked as expected, WARNING when OpenBLAS failed
 * to load and the pure-Java fallback is in use.
 */
public final class GemmProvider {

    /** System property that forces the implementation: {@code openblas} or {@code java}. */
    public static final String PROPERTY = "cortexj.blas";

    /** Name of the logger that receives the line saying which implementation is in use. */
    public static final String LOGGER_NAME = "org.cortexj.backend";

    private static final Logger LOGGER = Logger.getLogger(LOGGER_NAME);

    private static Gemm chosen;

    private GemmProvider() {
    }

    /**
     * Returns the process-wide implementation, choosing and logging it on the first call.
     *
     * @throws IllegalArgumentException if {@value #PROPERTY} has a value other than
     *     {@code openblas} or {@code java}
     * @throws IllegalStateException if {@value #PROPERTY} is {@code openblas} and OpenBLAS fails
     *     to load; a later call tries again
     */
    public static synchronized Gemm get() {
        if (chosen == null) {
            chosen = selectFromProperty(LOGGER);
        }
        return chosen;
    }

    /** Chooses by the current value of {@value #PROPERTY}, uncached, logging to {@code logger}. */
    static Gemm selectFromProperty(Logger logger) {
        return select(System.getProperty(PROPERTY), OpenBlasGemm::load, logger);
    }

    /**
     * Chooses an implementation for property value {@code choice} (null for unset) and logs one
     * line to {@code logger}. The OpenBLAS loader is a parameter so tests can make it fail.
     */
    static Gemm select(String choice, Supplier<? extends Gemm> openBlasLoader, Logger logger) {
        String normalized = choice == null ? "" : choice.trim().toLowerCase(Locale.ROOT);
        switch (normalized) {
            case "":
                return selectAutomatically(openBlasLoader, logger);
            case "openblas":
                return selectOpenBlasAsForced(openBlasLoader, logger);
            case "java":
                Gemm gemm = javaFallback();
                logger.info(() -> "Matrix multiply uses " + gemm.name() + " because system"
                        + " property " + PROPERTY + "=java");
                return gemm;
            default:
                throw new IllegalArgumentException("System property " + PROPERTY + " has invalid"
                        + " value '" + choice + "'; expected openblas or java, or leave it unset"
                        + " to use OpenBLAS when it loads");
        }
    }

    private static Gemm selectAutomatically(Supplier<? extends Gemm> openBlasLoader,
                                            Logger logger) {
        Gemm openBlas;
        try {
            openBlas = openBlasLoader.get();
        } catch (IllegalArgumentException e) {
            // An invalid setting, such as a bad cortexj.blas.arrays value, is the user's to fix.
            throw e;
        } catch (RuntimeException | LinkageError e) {
            Gemm fallback = javaFallback();
            logger.log(Level.WARNING, () -> "Matrix multiply uses " + fallback.name()
                    + ", which is much slower, because OpenBLAS failed to load: " + e.getMessage()
                    + "; set system property " + PROPERTY + "=java to skip loading OpenBLAS");
            return fallback;
        }
        logger.info(() -> "Matrix multiply uses " + openBlas.name() + "; set system property "
                + PROPERTY + "=java to force the pure-Java kernels");
        return openBlas;
    }

    private static Gemm selectOpenBlasAsForced(Supplier<? extends Gemm> openBlasLoader,
                                               Logger logger) {
        Gemm openBlas;
        try {
            openBlas = openBlasLoader.get();
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("System property " + PROPERTY + "=openblas, but"
                    + " OpenBLAS failed to load: " + e.getMessage() + "; remove the property to"
                    + " fall back to the pure-Java kernels, or set it to java", e);
        }
        logger.info(() -> "Matrix multiply uses " + openBlas.name() + " because system property "
                + PROPERTY + "=openblas");
        return openBlas;
    }

    private static Gemm javaFallback() {
        return new JavaGemm(Runtime.getRuntime().availableProcessors());
    }
}
