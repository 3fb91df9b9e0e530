package org.cortexj.backend.cpu.codegen;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.cortexj.backend.ElementwiseProgram;

/**
 * Entry point for generated elementwise kernels: decides whether they are used and returns
 * the cached kernel of a program.
 *
 * <p>The system property {@code cortexj.codegen=false} turns generation off. Generated kernels
 * also need the Vector API kernels, because they must give the same results; a backend with
 * scalar kernels always interprets.
 *
 * <p>NOTE: a new kernel starts in the bytecode interpreter, where Vector API calls are far
 * slower than compiled ones, so its first evaluations are slower than the interpreter's.
 * Measured on a 2-core AMD EPYC with JDK 17 for a SELU-like expression over 4M floats, the
 * first two calls took about 140 and 65 ms instead of 7.5 ms, and the sixth 3.5 ms. Over 64K
 * floats, about 18 calls took 10 ms each instead of 0.2 ms. That is why a structure must recur
 * {@link #GENERATE_AFTER_PROPERTY} times before it gets a kernel; small one-off programs stay
 * with the interpreter, whose kernels are shared by all programs and compiled early.
 */
public final class FusedKernels {

    /** System property that turns generated kernels off when set to {@code false}. */
    public static final String PROPERTY = "cortexj.codegen";

    /**
     * System property: how many evaluations of one expression structure it takes to generate
     * its kernel, {@value #DEFAULT_GENERATE_AFTER} by default. Earlier evaluations interpret.
     */
    public static final String GENERATE_AFTER_PROPERTY = "cortexj.codegen.after";

    /**
     * Default of {@link #GENERATE_AFTER_PROPERTY}. An expression evaluated this often is
     * likely to recur, as the steps of a training loop do, and repay the kernel's slow start.
     */
    static final int DEFAULT_GENERATE_AFTER = 16;

    /**
     * Maximum number of cached structures. A kernel is a hidden class of a few kilobytes plus
     * its compiled code, and a training loop uses a few dozen distinct expressions.
     */
    static final int CACHE_CAPACITY = 512;

    private static final Logger LOG = Logger.getLogger("org.cortexj.backend");
    private static final boolean ENABLED = enabledBy(System.getProperty(PROPERTY));
    private static final KernelCache CACHE = new KernelCache(CACHE_CAPACITY,
            Integer.getInteger(GENERATE_AFTER_PROPERTY, DEFAULT_GENERATE_AFTER), KernelCompiler::compile);
    private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

    private FusedKernels() {
    }

    /** Returns whether the system property leaves generation on, as any value but {@code false} does. */
    public static boolean enabled() {
        return ENABLED;
    }

    /**
     * Decides whether a backend evaluates fused programs through generated kernels, and logs
     * each distinct decision with its reason the first time it is made in this JVM. The system
     * property overrides a request.
     *
     * @param requested whether the backend requests generated kernels
     * @param vectorKernels whether the backend's elementwise kernels are the Vector API ones
     */
    public static boolean use(boolean requested, boolean vectorKernels) {
        String decision;
        if (!ENABLED) {
            decision = "interpreted, because the system property " + PROPERTY + "=false turns generated kernels off";
        } else if (!requested) {
            decision = "interpreted, because the backend was created without generated kernels";
        } else if (!vectorKernels) {
            decision = "interpreted, because generated kernels need the Vector API kernels, which are off";
        } else {
            decision = "run as kernels generated per expression";
        }
        if (LOGGED.add(decision)) {
            LOG.info("cpu backend: fused elementwise programs are " + decision);
        }
        return ENABLED && requested && vectorKernels;
    }

    /**
     * Counts an evaluation of {@code program} with its inputs read as {@code accesses} and
     * returns its kernel, generating and caching it once the structure has been evaluated
     * {@link #GENERATE_AFTER_PROPERTY} times.
     *
     * @return the kernel, or null when the caller must interpret the program: the structure is
     *         not yet evaluated often enough, or it cannot be generated
     * @throws IllegalArgumentException if {@code accesses} does not have one entry per input
     */
    public static FusedKernel lookup(ElementwiseProgram program, InputAccess[] accesses) {
        return CACHE.get(KernelKey.of(program, accesses));
    }

    /** Returns the shared cache, for tests. */
    static KernelCache cache() {
        return CACHE;
    }

    static boolean enabledBy(String propertyValue) {
        return !"false".equalsIgnoreCase(propertyValue);
    }
}
