package org.cortexj.backend.cpu.gemm;

import dev.ludovic.netlib.blas.NativeBLAS;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;

/**
 * {@link ArrayPassing#PIN}: passes heap arrays to OpenBLAS in place, pinned for the duration of
 * the call.
 *
 * <p>The JNI library inside the {@code dev.ludovic.netlib:blas} jar takes every array with
 * {@code GetPrimitiveArrayCritical}, which HotSpot pins instead of copying, and calls the
 * Fortran {@code sgemm_} or {@code dgemm_} of a BLAS library that it opens by file name. We
 * point it, through system property {@value #LIBRARY_PROPERTY}, at the OpenBLAS file that
 * JavaCPP extracted and loaded. The same file is then open once in the process, so both array
 * passings share OpenBLAS's code and its thread count.
 *
 * <p>Fortran BLAS stores matrices by column. A row-major matrix read by column is its
 * transpose, so the row-major product C = op(A)·op(B) is the column-major product
 * Cᵀ = op(B)ᵀ·op(A)ᵀ: the operands swap places and keep their transposition flags.
 *
 * <p>The library's public methods check that each operand's last stored row ends a whole
 * leading dimension before the end of its array: {@code offset + storedRows·ld ≤ length}. That
 * is stricter than the product needs whenever ld is larger than the row, as for a block of
 * columns cut from a wider matrix. So we call the native methods behind that check,
 * {@code sgemmK} and {@code dgemmK}, through method handles, after checking the exact bounds
 * ourselves with {@link GemmArguments}: the last row of each operand must end within its array.
 * Where those methods cannot be reached (another version of the library, or cortexj in a named
 * module that cannot open it), calls that fail the library's check go through off-heap copies
 * ({@link ScratchCopyCalls}) instead, so every valid call still works.
 *
 * <p>NOTE: while a call runs, HotSpot's GC locker keeps garbage collection from starting, so
 * other threads that need a collection wait until the multiply ends. If another library
 * initialized {@code dev.ludovic.netlib} earlier in the process with a different BLAS, calls go
 * to that BLAS; the results are still correct, but OpenBLAS's thread count does not apply.
 */
final class PinnedArrayCalls implements CblasCalls {

    /** System property with the BLAS file that {@code dev.ludovic.netlib} opens. */
    static final String LIBRARY_PROPERTY = "dev.ludovic.netlib.blas.nativeLibPath";

    private final NativeBLAS blas;
    private final CblasCalls copying = new ScratchCopyCalls();
    /** Native entry points behind the library's bounds check, or null where they are not reachable. */
    private final MethodHandle sgemmUnchecked;
    private final MethodHandle dgemmUnchecked;

    private PinnedArrayCalls(NativeBLAS blas) {
        this.blas = blas;
        this.sgemmUnchecked = nativeEntry(blas, "sgemmK", float.class);
        this.dgemmUnchecked = nativeEntry(blas, "dgemmK", double.class);
    }

    /**
     * Returns the library's protected native method {@code name}, which takes the arguments of
     * Fortran gemm with an offset after each array, bound to {@code blas}, or null if it is
     * missing or not accessible.
     */
    static MethodHandle nativeEntry(NativeBLAS blas, String name, Class<?> element) {
        Class<?> array = element.arrayType();
        MethodType type = MethodType.methodType(void.class, String.class, String.class, int.class, int.class,
                int.class, element, array, int.class, int.class, array, int.class, int.class, element, array,
                int.class, int.class);
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(blas.getClass(), MethodHandles.lookup());
            return lookup.findVirtual(blas.getClass(), name, type).bindTo(blas);
        } catch (ReflectiveOperationException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    /** Tells whether blocks cut from wider matrices are passed in place too, not copied. */
    boolean pinsEveryBlock() {
        return sgemmUnchecked != null && dgemmUnchecked != null;
    }

    /** Outcome of binding the JNI library to OpenBLAS, decided once per process. */
    private static final class Availability {
        static final PinnedArrayCalls CALLS;
        static final UnsatisfiedLinkError FAILURE;

        static {
            PinnedArrayCalls calls = null;
            UnsatisfiedLinkError failure = null;
            try {
                calls = bind();
            } catch (UnsatisfiedLinkError e) {
                failure = e;
            } catch (LinkageError | RuntimeException e) {
                failure = new UnsatisfiedLinkError("dev.ludovic.netlib BLAS failed to load: " + e);
                failure.initCause(e);
            }
            CALLS = calls;
            FAILURE = failure;
        }
    }

    /**
     * Returns the calls through {@code dev.ludovic.netlib}'s JNI library, binding it to
     * OpenBLAS on first use. OpenBLAS must already be loaded.
     *
     * @throws UnsatisfiedLinkError with the reason, the same error on every call, if the library
     *     cannot be bound or fails its first product
     */
    static PinnedArrayCalls load() {
        if (Availability.CALLS == null) {
            throw Availability.FAILURE;
        }
        return Availability.CALLS;
    }

    private static PinnedArrayCalls bind() {
        String library = openBlasFile(Loader.getLoadedLibraries());
        if (library == null) {
            throw new UnsatisfiedLinkError("no OpenBLAS file among JavaCPP's loaded libraries "
                    + Loader.getLoadedLibraries().keySet());
        }
        String conflict = propertyConflict(System.getProperty(LIBRARY_PROPERTY), library);
        if (conflict != null) {
            throw new UnsatisfiedLinkError(conflict);
        }
        System.setProperty(LIBRARY_PROPERTY, library);
        PinnedArrayCalls calls = new PinnedArrayCalls(quietInstance());
        calls.checkFirstProduct();
        return calls;
    }

    /**
     * Returns the file of the OpenBLAS library in JavaCPP's map of loaded libraries (name to
     * file), preferring the full library over the one without LAPACK, or null if neither is
     * there. JavaCPP names them {@code openblas@.0} and {@code openblas_nolapack@.0}.
     */
    static String openBlasFile(Map<String, String> loaded) {
        String withoutLapack = null;
        for (Map.Entry<String, String> entry : loaded.entrySet()) {
            if (entry.getKey().startsWith("openblas@")) {
                return entry.getValue();
            }
            if (entry.getKey().startsWith("openblas_nolapack@")) {
                withoutLapack = entry.getValue();
            }
        }
        return withoutLapack;
    }

    /**
     * Returns why the JNI library cannot be pointed at {@code library} when the property
     * already contains {@code current} (null when unset), or null if nothing is in the way.
     */
    static String propertyConflict(String current, String library) {
        if (current == null || current.isEmpty() || current.equals(library)) {
            return null;
        }
        return "system property " + LIBRARY_PROPERTY + " is " + current + ", another BLAS than the OpenBLAS "
                + "cortexj uses (" + library + "); unset it to pass arrays to OpenBLAS in place";
    }

    /**
     * Creates the instance with the library's own start-up warnings held back: it also tries its
     * pure-Java BLAS, which cortexj never uses, and a failure is reported by the caller instead.
     */
    private static NativeBLAS quietInstance() {
        Logger logger = Logger.getLogger("dev.ludovic.netlib.blas.InstanceBuilder");
        Level previous = logger.getLevel();
        logger.setLevel(Level.SEVERE);
        try {
            return NativeBLAS.getInstance();
        } finally {
            logger.setLevel(previous);
        }
    }

    /** Checks a 2×3 by 3×2 product with a known result, so a wrong binding fails here and not later. */
    private void checkFirstProduct() {
        float[] c = new float[4];
        sgemm(openblas.CblasNoTrans, openblas.CblasNoTrans,
                2, 2, 3, 1f, new float[] {1, 2, 3, 4, 5, 6}, 0, 3, new float[] {7, 8, 9, 10, 11, 12}, 0, 2,
                0f, c, 0, 2);
        if (c[0] != 58 || c[1] != 64 || c[2] != 139 || c[3] != 154) {
            throw new UnsatisfiedLinkError("dev.ludovic.netlib BLAS computed [1 2 3; 4 5 6]·[7 8; 9 10; 11 12] as "
                    + Arrays.toString(c) + " instead of [58, 64, 139, 154]");
        }
    }

    @Override
    public void sgemm(int transA, int transB, int m, int n, int k,
                      float alpha, float[] a, int aOffset, int lda,
                      float[] b, int bOffset, int ldb,
                      float beta, float[] c, int cOffset, int ldc) {
        if (sgemmUnchecked != null) {
            GemmArguments.checkFloat("sgemm", isTransposed(transA), isTransposed(transB), m, n, k,
                    a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
            try {
                sgemmUnchecked.invokeExact(flag(transB), flag(transA), n, m, k, alpha, b, bOffset, ldb,
                        a, aOffset, lda, beta, c, cOffset, ldc);
            } catch (Throwable e) {
                throw rethrown(e);
            }
            return;
        }
        if (!fitsBoundsCheck(transA, transB, m, n, k, aOffset, lda, a.length, bOffset, ldb, b.length,
                cOffset, ldc, c.length)) {
            copying.sgemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
            return;
        }
        blas.sgemm(flag(transB), flag(transA), n, m, k, alpha, b, bOffset, ldb, a, aOffset, lda,
                beta, c, cOffset, ldc);
    }

    @Override
    public void dgemm(int transA, int transB, int m, int n, int k,
                      double alpha, double[] a, int aOffset, int lda,
                      double[] b, int bOffset, int ldb,
                      double beta, double[] c, int cOffset, int ldc) {
        if (dgemmUnchecked != null) {
            GemmArguments.checkDouble("dgemm", isTransposed(transA), isTransposed(transB), m, n, k,
                    a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
            try {
                dgemmUnchecked.invokeExact(flag(transB), flag(transA), n, m, k, alpha, b, bOffset, ldb,
                        a, aOffset, lda, beta, c, cOffset, ldc);
            } catch (Throwable e) {
                throw rethrown(e);
            }
            return;
        }
        if (!fitsBoundsCheck(transA, transB, m, n, k, aOffset, lda, a.length, bOffset, ldb, b.length,
                cOffset, ldc, c.length)) {
            copying.dgemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
            return;
        }
        blas.dgemm(flag(transB), flag(transA), n, m, k, alpha, b, bOffset, ldb, a, aOffset, lda,
                beta, c, cOffset, ldc);
    }

    /**
     * Returns whether all three row-major operands pass {@code dev.ludovic.netlib}'s bounds check,
     * {@code offset + storedRows·ld ≤ length}; A stores k rows when transposed, else m, B stores n
     * when transposed, else k, and C stores m.
     */
    static boolean fitsBoundsCheck(int transA, int transB, int m, int n, int k,
                                   int aOffset, int lda, int aLength, int bOffset, int ldb, int bLength,
                                   int cOffset, int ldc, int cLength) {
        boolean aTransposed = transA == openblas.CblasTrans;
        boolean bTransposed = transB == openblas.CblasTrans;
        return aOffset + (long) (aTransposed ? k : m) * lda <= aLength
                && bOffset + (long) (bTransposed ? n : k) * ldb <= bLength
                && cOffset + (long) m * ldc <= cLength;
    }

    private static boolean isTransposed(int cblasCode) {
        return cblasCode == openblas.CblasTrans;
    }

    /** Returns what to throw for a failure of a native call: unchecked throwables as they are. */
    private static RuntimeException rethrown(Throwable e) {
        if (e instanceof RuntimeException runtime) {
            return runtime;
        }
        if (e instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("dev.ludovic.netlib native gemm failed", e);
    }

    /** Fortran's transposition flag for a CBLAS transposition code. */
    private static String flag(int cblasCode) {
        return cblasCode == openblas.CblasTrans ? "T" : "N";
    }
}
