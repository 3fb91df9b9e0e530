package org.cortexj.backend.cpu.gemm;

/**
 * General matrix multiply on Java heap arrays, with the row-major BLAS {@code gemm} contract.
 *
 * <p>Each call computes {@code C = alpha * op(A) * op(B) + beta * C}, where {@code op(X)} is
 * {@code X} or its transpose. {@code op(A)} is {@code m x k}, {@code op(B)} is {@code k x n} and
 * {@code C} is {@code m x n}. Matrices are stored row-major: element {@code (row, col)} of a
 * matrix stored in array {@code x} with offset {@code xOffset} and leading dimension {@code ldx}
 * is {@code x[xOffset + row * ldx + col]}. A transposed operand is stored as its transpose, so
 * with {@code transA} set, {@code A} is stored as a {@code k x m} matrix.
 *
 * <p>Contract shared by every implementation:
 * <ul>
 *   <li>{@code beta == 0} means the old contents of {@code C} are never read, so NaN or infinity
 *       there does not reach the result.</li>
 *   <li>Sizes of 0 are legal. {@code m == 0} or {@code n == 0} leaves every array untouched, and
 *       {@code k == 0} sets {@code C = beta * C}.</li>
 *   <li>{@code alpha == 0} also sets {@code C = beta * C} without reading {@code A} or
 *       {@code B}, as reference BLAS does, so NaN in {@code A} or {@code B} is ignored then.</li>
 *   <li>Only the {@code m x n} elements of {@code C} are written; elements between the end of a
 *       row and the next leading-dimension stride keep their values.</li>
 *   <li>{@code C} must not share elements with {@code A} or {@code B}. When they share an array,
 *       the element ranges from first to last stored element must not overlap, so interleaved
 *       rows are rejected even where no element is shared.</li>
 * </ul>
 * Invalid arguments raise {@link IllegalArgumentException} (negative size, leading dimension
 * smaller than the stored row length, {@code C} overlapping {@code A} or {@code B} in the same
 * array), {@link IndexOutOfBoundsException} (offset outside the array, array too short) or
 * {@link NullPointerException} (null array), with a message that names the call and the values.
 * Arrays are checked before anything is written.
 */
public interface Gemm {

    /**
     * Computes {@code C = alpha * op(A) * op(B) + beta * C} in float32.
     *
     * @param transA whether {@code op(A)} is the transpose of the stored {@code A}
     * @param transB whether {@code op(B)} is the transpose of the stored {@code B}
     * @param m rows of {@code op(A)} and of {@code C}
     * @param n columns of {@code op(B)} and of {@code C}
     * @param k columns of {@code op(A)} and rows of {@code op(B)}
     * @param lda distance in elements between the starts of consecutive stored rows of {@code A}
     * @param ldb distance in elements between the starts of consecutive stored rows of {@code B}
     * @param ldc distance in elements between the starts of consecutive rows of {@code C}
     */
    void sgemm(boolean transA, boolean transB, int m, int n, int k,
               float alpha, float[] a, int aOffset, int lda,
               float[] b, int bOffset, int ldb,
               float beta, float[] c, int cOffset, int ldc);

    /** Computes {@code C = alpha * op(A) * op(B) + beta * C} in float64; see {@link #sgemm}. */
    void dgemm(boolean transA, boolean transB, int m, int n, int k,
               double alpha, double[] a, int aOffset, int lda,
               double[] b, int bOffset, int ldb,
               double beta, double[] c, int cOffset, int ldc);

    /** Short description of the implementation for logs, such as {@code "OpenBLAS (...)"}. */
    String name();
}
