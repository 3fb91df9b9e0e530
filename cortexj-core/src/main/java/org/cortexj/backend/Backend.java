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

    // ---------------------------------------------------------------- convolution and pooling
    // Buffers passed to these kernels hold exactly the elements of one contiguous row-major
    // tensor starting at element 0, except that col and rows buffers may be longer than needed.
    // Float32 and float64 buffers may not be mixed in one call; indices are int32.

    /**
     * Unfolds the NCHW images in {@code x} into the column matrix {@code col} of shape
     * {@code [K, N * P]}, with {@code K = channels * kernelHeight * kernelWidth} and
     * {@code P = outputHeight * outputWidth}. Row {@code (c * kernelHeight + i) * kernelWidth + j}
     * is kernel tap {@code (c, i, j)}, column {@code n * P + oh * outputWidth + ow} is output
     * position {@code (oh, ow)} of image {@code n}, and padding positions hold 0. The
     * convolution of the batch is then {@code W · col} with the weight as an
     * {@code [outChannels, K]} matrix.
     *
     * @param x input, {@link ConvGeometry#inputSize()} elements
     * @param col output, at least {@link ConvGeometry#columnSize()} elements, overwritten
     */
    void im2col(Buffer x, ConvGeometry geometry, Buffer col);

    /**
     * Adds every element of the column matrix {@code col} into the input cell of {@code dx} it
     * was copied from by {@link #im2col}, dropping padding positions. With
     * {@code col = Wᵀ · dY} this accumulates the input gradient of a convolution.
     *
     * @param dx accumulator, {@link ConvGeometry#inputSize()} elements, not cleared first
     */
    void col2im(Buffer col, ConvGeometry geometry, Buffer dx);

    /**
     * Copies the product {@code rows = W · col}, of shape {@code [outChannels, N * P]}, into the
     * NCHW output {@code y} and adds {@code bias[co]} to channel {@code co}.
     *
     * @param bias {@code outChannels} elements, or null for no bias
     * @param y output, {@link ConvGeometry#outputSize(int)} elements, overwritten
     */
    void convRowsToNchw(Buffer rows, Buffer bias, ConvGeometry geometry, int outChannels, Buffer y);

    /**
     * Copies the NCHW output gradient {@code dy} into {@code rows} of shape
     * {@code [outChannels, N * P]}, the layout that the weight and column gradients multiply.
     *
     * @param rows output, at least {@link ConvGeometry#outputSize(int)} elements, overwritten
     */
    void nchwToConvRows(Buffer dy, ConvGeometry geometry, int outChannels, Buffer rows);

    /**
     * Adds the sum of the NCHW output gradient {@code dy} over images and positions, per output
     * channel, into {@code dBias} ({@code outChannels} elements, not cleared first).
     */
    void convBiasGradient(Buffer dy, ConvGeometry geometry, int outChannels, Buffer dBias);

    /**
     * Writes the maximum of every pooling window of {@code x} into {@code y} and the flat index
     * {@code h * width + w} of the winner inside its (image, channel) plane into the int32
     * buffer {@code indices}. Padding never wins, and a tie goes to the first maximum in
     * row-major window order. NaN propagates.
     */
    void maxPool2d(Buffer x, PoolGeometry geometry, Buffer y, Buffer indices);

    /**
     * Adds each element of {@code dy} into {@code dx} at the index {@link #maxPool2d} chose
     * ({@code dx} is not cleared first).
     */
    void maxPool2dBackward(Buffer dy, Buffer indices, PoolGeometry geometry, Buffer dx);

    /**
     * Writes the average of every pooling window of {@code x} into {@code y}. The divisor counts
     * the window cells inside the padded input when {@code countIncludePad} is true, and only
     * those inside the input otherwise. The geometry's dilation must be 1.
     */
    void avgPool2d(Buffer x, PoolGeometry geometry, boolean countIncludePad, Buffer y);

    /**
     * Adds {@code dy / divisor} of every window into each of its input cells of {@code dx}, the
     * divisor being the one {@link #avgPool2d} used ({@code dx} is not cleared first).
     */
    void avgPool2dBackward(Buffer dy, PoolGeometry geometry, boolean countIncludePad, Buffer dx);
}
