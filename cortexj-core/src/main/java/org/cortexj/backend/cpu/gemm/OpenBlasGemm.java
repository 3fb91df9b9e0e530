package org.cortexj.backend.cpu.gemm;

import java.io.IOException;
import java.util.OptionalInt;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;

/**
 * {@link Gemm} backed by OpenBLAS ({@code cblas_sgemm} and {@code cblas_dgemm}, row-major)
 * through the JavaCPP presets, whose jar carries the native library.
 *
 * <p>Heap arrays reach OpenBLAS as {@link #arrayPassing()} reports: pinned in place through
 * {@code dev.ludovic.netlib}'s JNI library when it binds to OpenBLAS, copied through off-heap
 * scratch memory otherwise.
 * Calls that reduce to {@code C = beta * C} ({@code k == 0} or {@code alpha == 0}) run in Java
 * and call no native code. Instances are thread-safe.
 *
 * <p>OpenBLAS runs each call on its own thread pool, whose size is process-wide: see
 * {@link #setThreadCount(int)}.
 */
public final class OpenBlasGemm implements Gemm {

    /** System property that forces how heap arrays reach OpenBLAS: {@code pin} or {@code copy}. */
    public static final String ARRAYS_PROPERTY = "cortexj.blas.arrays";

    private static final String PINNED_NOTE = "heap arrays pinned with JNI critical access";

    private final CblasCalls calls;
    private final ArrayPassing arrayPassing;
    private final String arrayPassingNote;

    private OpenBlasGemm(CblasCalls calls, ArrayPassing arrayPassing, String arrayPassingNote) {
        this.calls = calls;
        this.arrayPassing = arrayPassing;
        this.arrayPassingNote = arrayPassingNote;
    }

    /**
     * Loads OpenBLAS and pins arrays if the pinning library binds to it, else copies them.
     * System property {@value #ARRAYS_PROPERTY} set to {@code copy} or {@code pin} forces one way
     * instead, as {@link #load(ArrayPassing)} does.
     *
     * @throws IllegalStateException if the OpenBLAS native library fails to load, or the property
     *     requests pinning that is not possible
     * @throws IllegalArgumentException if the property has another value
     */
    public static OpenBlasGemm load() {
        String value = System.getProperty(ARRAYS_PROPERTY, "");
        switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "":
                break;
            case "copy":
                OpenBlasLibrary.require();
                return new OpenBlasGemm(new ScratchCopyCalls(), ArrayPassing.COPY,
                        "heap arrays copied to off-heap scratch because system property " + ARRAYS_PROPERTY
                                + "=copy");
            case "pin":
                return load(ArrayPassing.PIN);
            default:
                throw new IllegalArgumentException("System property " + ARRAYS_PROPERTY + " has invalid value '"
                        + value + "'; expected pin or copy, or leave it unset to pin when possible");
        }
        OpenBlasLibrary.require();
        try {
            return new OpenBlasGemm(PinnedArrayCalls.load(), ArrayPassing.PIN, PINNED_NOTE);
        } catch (UnsatisfiedLinkError e) {
            return new OpenBlasGemm(new ScratchCopyCalls(), ArrayPassing.COPY,
                    "heap arrays copied to off-heap scratch because dev.ludovic.netlib's JNI library, which"
                            + " would pin them, is not usable: " + e.getMessage());
        }
    }

    /**
     * Loads OpenBLAS and passes arrays exactly as {@code arrayPassing} specifies, for comparisons
     * and tests.
     *
     * @throws IllegalStateException if OpenBLAS fails to load, or {@code arrayPassing} is
     *     {@link ArrayPassing#PIN} and the pinning library cannot be bound to OpenBLAS
     */
    public static OpenBlasGemm load(ArrayPassing arrayPassing) {
        OpenBlasLibrary.require();
        if (arrayPassing == ArrayPassing.COPY) {
            return new OpenBlasGemm(new ScratchCopyCalls(), ArrayPassing.COPY,
                    "heap arrays copied to off-heap scratch");
        }
        try {
            return new OpenBlasGemm(PinnedArrayCalls.load(), ArrayPassing.PIN, PINNED_NOTE);
        } catch (UnsatisfiedLinkError e) {
            throw new IllegalStateException("OpenBlasGemm: array passing PIN needs dev.ludovic.netlib's JNI"
                    + " library bound to OpenBLAS, which failed: " + e.getMessage()
                    + "; fix that or use ArrayPassing.COPY", e);
        }
    }

    /**
     * Sets the number of threads OpenBLAS uses for each call ({@code openblas_set_num_threads}).
     * The setting is process-wide and shared by every instance, so a backend that also runs
     * its own worker threads can lower it to keep the total within the core count.
     *
     * @throws IllegalArgumentException if {@code threads < 1}
     * @throws IllegalStateException if OpenBLAS fails to load
     */
    public static void setThreadCount(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException(
                    "OpenBlasGemm.setThreadCount: threads must be >= 1, got " + threads);
        }
        OpenBlasLibrary.require();
        openblas.blas_set_num_threads(threads);
    }

    /**
     * Returns the thread count last set through {@link #setThreadCount(int)}, or empty if none
     * was set in this process. OpenBLAS then uses its own default: the environment variable
     * {@code OPENBLAS_NUM_THREADS} if set, else the number of cores (OpenBLAS README, 0.3.x).
     * The JavaCPP presets (1.5.13) expose no call that reads the count from OpenBLAS itself.
     *
     * @throws IllegalStateException if OpenBLAS fails to load
     */
    public static OptionalInt threadCount() {
        OpenBlasLibrary.require();
        int threads = openblas.blas_get_num_threads();
        return threads > 0 ? OptionalInt.of(threads) : OptionalInt.empty();
    }

    /**
     * Returns whether every valid call reads the arrays in place, blocks cut from wider matrices
     * included; false when some calls copy (see {@link PinnedArrayCalls}).
     */
    public boolean pinsEveryBlock() {
        return calls instanceof PinnedArrayCalls pinned && pinned.pinsEveryBlock();
    }

    /** Returns the way this instance passes heap arrays to OpenBLAS. */
    public ArrayPassing arrayPassing() {
        return arrayPassing;
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k,
                      float alpha, float[] a, int aOffset, int lda,
                      float[] b, int bOffset, int ldb,
                      float beta, float[] c, int cOffset, int ldc) {
        GemmArguments.checkFloat("sgemm", transA, transB, m, n, k,
                a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || alpha == 0f) {
            BetaScaling.scale(m, n, beta, c, cOffset, ldc);
            return;
        }
        calls.sgemm(transposeCode(transA), transposeCode(transB), m, n, k,
                alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
    }

    @Override
    public void dgemm(boolean transA, boolean transB, int m, int n, int k,
                      double alpha, double[] a, int aOffset, int lda,
                      double[] b, int bOffset, int ldb,
                      double beta, double[] c, int cOffset, int ldc) {
        GemmArguments.checkDouble("dgemm", transA, transB, m, n, k,
                a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || alpha == 0d) {
            BetaScaling.scale(m, n, beta, c, cOffset, ldc);
            return;
        }
        calls.dgemm(transposeCode(transA), transposeCode(transB), m, n, k,
                alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
    }

    private static int transposeCode(boolean transpose) {
        return transpose ? openblas.CblasTrans : openblas.CblasNoTrans;
    }

    /** Returns, for example, {@code "OpenBLAS 0.3.31-1.5.13 (2 threads, heap arrays ...)"}. */
    @Override
    public String name() {
        OptionalInt threads = threadCount();
        String threadNote = threads.isPresent()
                ? threads.getAsInt() + (threads.getAsInt() == 1 ? " thread" : " threads")
                : "default thread count";
        return "OpenBLAS " + presetsVersion() + " (" + threadNote + ", " + arrayPassingNote
                + ")";
    }

    /** Version of the JavaCPP OpenBLAS presets jar, such as {@code 0.3.31-1.5.13}. */
    private static String presetsVersion() {
        try {
            String version = Loader.getVersion("org.bytedeco", "openblas");
            return version == null ? "(version unknown)" : version;
        } catch (IOException e) {
            return "(version unknown: " + e.getMessage() + ")";
        }
    }
}
