package org.cortexj.backend.cpu;

import java.util.Optional;

/**
 * Decides once whether the Vector API may be used, and why not when it may not.
 *
 * <p>The {@code jdk.incubator.vector} module must be in the boot layer, which needs the JVM
 * option {@code --add-modules jdk.incubator.vector}. The system property
 * {@code cortexj.simd=false} turns SIMD kernels off even when the module is present.
 */
public final class SimdSupport {

    private static final Optional<String> DISABLED_REASON = findDisabledReason();

    private SimdSupport() {
    }

    /** Whether SIMD kernels may be loaded. */
    public static boolean enabled() {
        return DISABLED_REASON.isEmpty();
    }

    /** Why SIMD kernels are off, with the fix; empty when they are on. */
    public static Optional<String> disabledReason() {
        return DISABLED_REASON;
    }

    private static Optional<String> findDisabledReason() {
        if ("false".equalsIgnoreCase(System.getProperty("cortexj.simd", "true"))) {
            return Optional.of("system property cortexj.simd=false turns them off");
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return Optional.of("module jdk.incubator.vector is not enabled; "
                    + "start java with --add-modules jdk.incubator.vector");
        }
        return Optional.empty();
    }
}
