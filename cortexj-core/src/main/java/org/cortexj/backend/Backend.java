package org.cortexj.backend;

/**
 * The narrow interface between the tensor layer and the hardware: buffers, strided layouts and
 * kernels. The tensor layer never touches memory itself, so a GPU backend implements this
 * interface and nothing above it changes.
 *
 * <p>All layouts count in elements. Kernels never retain the arrays or buffers they are given.
 */
public interface Backend {

    /** Short name for logs, such as {@code cpu}. */
    String name();

    /** One line describing the configuration: worker count, SIMD use, BLAS library. */
    String description();

    /** Number of worker threads the backend computes with. */
    int workers();

    /** Allocates a zero-filled buffer. */
    Buffer allocate(DataType dataType, int size);

    /** Wraps an array without copying; the caller must not use the array afterwards. */
    Buffer wrap(float[] data);

    /** Wraps an array without copying; the caller must not use the array afterwards. */
    Buffer wrap(double[] data);

    /** Wraps an array without copying; the caller must not use the array afterwards. */
    Buffer wrap(int[] data);

    /** Reads one element, converted to double. */
    double get(Buffer buffer, int index);

    /** Writes one element, converted from double (rounded for float32, truncated for int32). */
    void set(Buffer buffer, int index, double value);

    /** Copies the elements of a view into a new row-major float array, converting as needed. */
    float[] toFloatArray(Buffer buffer, Layout layout);

    /** Copies the elements of a view into a new row-major double array, converting as needed. */
    double[] toDoubleArray(Buffer buffer, Layout layout);

    /** Copies the elements of a view into a new row-major int array, truncating toward zero. */
    int[] toIntArray(Buffer buffer, Layout layout);

    /**
     * Copies {@code source} viewed through {@code sourceLayout} into {@code target} viewed through
     * {@code targetLayout}, converting the element type. Both layouts have the same shape;
     * {@code sourceLayout} may have stride-0 (broadcast) axes. The views must not overlap.
     */
    void copy(Buffer source, Layout sourceLayout, Buffer target, Layout targetLayout);

    /**
     * Evaluates a fused elementwise program into {@code output} viewed through
     * {@code outputLayout}. Each input layout has the output's shape (broadcast axes have stride
     * 0). The output may share its buffer with an input only through an identical layout.
     */
    void evaluate(ElementwiseProgram program, Buffer output, Layout outputLayout,
                  Buffer[] inputs, Layout[] inputLayouts);

    /**
     * Reduces each row of a row-major [rows, rowLength] region of {@code input} starting at
     * {@code inputOffset} to one value in {@code output} at {@code outputOffset + row}. For
     * ARGMAX and ARGMIN the output is an int32 buffer of indices within the row.
     *
     * @param correction subtracted from the count for VARIANCE (0 population, 1 sample)
     */
    void reduceRows(ReduceOp op, Buffer input, int inputOffset, int rows, int rowLength,
                    Buffer output, int outputOffset, int correction);

    /**
     * Computes C = alpha·op(A)·op(B) + beta·C for row-major matrices, op being the transpose
     * when the flag is set; op(A) is m×k, op(B) is k×n, C is m×n. With beta == 0, C's old
     * contents are ignored.
     */
    void gemm(boolean transposeA, boolean transposeB, int m, int n, int k, double alpha,
              Buffer a, int aOffset, int lda, Buffer b, int bOffset, int ldb,
              double beta, Buffer c, int cOffset, int ldc);
}
