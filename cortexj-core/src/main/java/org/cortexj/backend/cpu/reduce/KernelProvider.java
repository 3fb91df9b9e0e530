package org.cortexj.backend.cpu.reduce;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Picks the scalar or the Vector API kernels once per JVM and logs the choice.
 *
 * <p>The Vector API kernels run only when the module {@code jdk.incubator.vector} is readable
 * (the JVM was started with {@code --add-modules jdk.incubator.vector}), the preferred vector
 * size is at least 128 bits, and the system property {@code cortexj.simd} is not
 * {@code false}. The choice is logged once to the {@code java.util.logging} logger
 * {@code org.cortexj.backend}: at INFO when the vector kernels run or the property turned
 * them off, at WARNING with the fix when the module or the hardware support is missing. A
 * value of the property other than {@code true} or {@code false} is ignored with a warning.
 */
final class KernelProvider {

    /** System property that turns the SIMD kernels off when set to {@code false}. */
    static final String SIMD_PROPERTY = "cortexj.simd";

    static final String LOGGER_NAME = "org.cortexj.backend";

    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    /** Below this size the CPU or the JIT offers no SIMD instructions worth using. */
    private static final int MIN_VECTOR_BITS = 128;

    private KernelProvider() {
    }

    /** Returns the kernels picked for this JVM, choosing and logging on the first call. */
    static KernelSet kernels() {
        return Selected.KERNELS;
    }

    /** Holder class, so that the choice runs once, on first use, without locking. */
    private static final class Selected {
        static final KernelSet KERNELS = select(
                System.getProperty(SIMD_PROPERTY),
                ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent(),
                Logger.getLogger(LOGGER_NAME));
    }

    /**
     * Chooses the kernels for the given property value and module state and logs the choice
     * to {@code logger}. Tests call this directly; it loads Vector API classes only when
     * {@code vectorModuleReadable} is true.
     */
    static KernelSet select(String simdProperty, boolean vectorModuleReadable, Logger logger) {
        if ("false".equalsIgnoreCase(simdProperty)) {
            return scalar(logger, Level.INFO,
                    "SIMD turned off by -D" + SIMD_PROPERTY + "=false",
                    "remove the property to use the Vector API kernels");
        }
        if (simdProperty != null && !"true".equalsIgnoreCase(simdProperty)) {
            logger.warning(() -> "ignoring -D" + SIMD_PROPERTY + "=" + simdProperty
                    + ": expected true or false");
        }
        if (!vectorModuleReadable) {
            return scalar(logger, Level.WARNING,
                    "module " + VECTOR_MODULE + " is not readable",
                    "start the JVM with --add-modules " + VECTOR_MODULE
                            + " to use the faster Vector API kernels");
        }

        int preferredBits = VectorKernelFactory.preferredVectorBits();
        if (preferredBits < MIN_VECTOR_BITS) {
            return scalar(logger, Level.WARNING,
                    "preferred vector size is " + preferredBits + " bits, below "
                            + MIN_VECTOR_BITS,
                    "this CPU or JIT has no usable SIMD support");
        }

        KernelSet vector = VectorKernelFactory.create();
        logger.info(() -> "Reduction kernels: " + vector.description());
        return vector;
    }

    private static KernelSet scalar(Logger logger, Level level, String reason, String advice) {
        KernelSet scalar = KernelSet.scalar(reason);
        logger.log(level, () -> "Reduction kernels: " + scalar.description() + "; " + advice);
        return scalar;
    }
}
