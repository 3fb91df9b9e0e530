package org.cortexj.backend.cpu;

import java.util.logging.Logger;
import org.cortexj.backend.Backend;
import org.cortexj.backend.Buffer;
import org.cortexj.backend.ConvGeometry;
import org.cortexj.backend.DataType;
import org.cortexj.backend.ElementwiseProgram;
import org.cortexj.backend.Layout;
import org.cortexj.backend.PoolGeometry;
import org.cortexj.backend.ReduceOp;
import org.cortexj.backend.cpu.codegen.FusedKernels;

/**
 * Backend on the Java heap: multi-threaded kernels, Vector API loops where the module is
 * enabled, and a BLAS library for matrix products.
 *
 * <p>When matrix products use OpenBLAS, creating a backend sets OpenBLAS to one thread for the
 * whole process, because the backend splits large products over its own workers instead.
 */
public final class CpuBackend implements Backend {

    private static final Logger LOG = Logger.getLogger("org.cortexj.backend");

    private final WorkerPool pool;
    private final ElementwiseEvaluator elementwise;
    private final CpuReductions reductions;
    private final CpuGemm gemm;
    private final CpuConvolutions convolutions;

    /**
     * Creates a backend with its own worker threads.
     *
     * @param workers number of threads kernels use, at least 1
     * @param simd whether to use Vector API kernels; ignored (false) when the module is absent
     */
    public CpuBackend(int workers, boolean simd) {
        this(workers, simd, true);
    }

    /**
     * Creates a backend with its own worker threads.
     *
     * @param workers number of threads kernels use, at least 1
     * @param simd whether to use Vector API kernels; ignored (false) when the module is absent
     * @param generatedKernels whether fused programs run as kernels generated per expression;
     *        ignored (false) without Vector API kernels or with {@code -Dcortexj.codegen=false}
     */
    public CpuBackend(int workers, boolean simd, boolean generatedKernels) {
        this.pool = new WorkerPool(workers);
        boolean useSimd = simd && SimdSupport.enabled();
        this.elementwise = new ElementwiseEvaluator(useSimd ? vectorKernels() : new ScalarElementwiseKernels(), pool,
                FusedKernels.use(generatedKernels, useSimd));
        this.reductions = new CpuReductions(pool);
        this.gemm = new CpuGemm(pool);
        this.convolutions = new CpuConvolutions(workers);
    }

    /** Creates the default backend: one worker per available processor, SIMD when possible. */
    public static CpuBackend createDefault() {
        int workers = Integer.getInteger("cortexj.workers", Runtime.getRuntime().availableProcessors());
        CpuBackend backend = new CpuBackend(workers, true);
        LOG.info(backend.description());
        SimdSupport.disabledReason().ifPresent(reason ->
                LOG.warning("cpu backend: SIMD kernels are off because " + reason));
        return backend;
    }

    private static ElementwiseKernels vectorKernels() {
        return new org.cortexj.backend.cpu.simd.VectorElementwiseKernels();
    }

    /** Kernels used for elementwise programs. */
    public ElementwiseKernels elementwiseKernels() {
        return elementwise.kernels();
    }

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public String description() {
        return "cpu backend: " + pool.workers() + " workers, elementwise kernels "
                + elementwise.kernels().name() + ", matrix products by " + gemm.name();
    }

    @Override
    public int workers() {
        return pool.workers();
    }

    @Override
    public Buffer allocate(DataType dataType, int size) {
        return CpuBuffer.allocate(this, dataType, size);
    }

    @Override
    public Buffer wrap(float[] data) {
        return CpuBuffer.of(this, data);
    }

    @Override
    public Buffer wrap(double[] data) {
        return CpuBuffer.of(this, data);
    }

    @Override
    public Buffer wrap(int[] data) {
        return CpuBuffer.of(this, data);
    }

    @Override
    public double get(Buffer buffer, int index) {
        return read(CpuBuffer.cast(buffer).array(), index);
    }

    @Override
    public void set(Buffer buffer, int index, double value) {
        Object array = CpuBuffer.cast(buffer).array();
        if (array instanceof float[] floats) {
            floats[index] = (float) value;
        } else if (array instanceof double[] doubles) {
            doubles[index] = value;
        } else {
            ((int[]) array)[index] = (int) value;
        }
    }

    static double read(Object array, int index) {
        if (array instanceof float[] floats) {
            return floats[index];
        }
        if (array instanceof double[] doubles) {
            return doubles[index];
        }
        return ((int[]) array)[index];
    }

    @Override
    public float[] toFloatArray(Buffer buffer, Layout layout) {
        float[] result = new float[layout.size()];
        copyToArray(buffer, layout, result);
        return result;
    }

    @Override
    public double[] toDoubleArray(Buffer buffer, Layout layout) {
        double[] result = new double[layout.size()];
        copyToArray(buffer, layout, result);
        return result;
    }

    @Override
    public int[] toIntArray(Buffer buffer, Layout layout) {
        int[] result = new int[layout.size()];
        copyToArray(buffer, layout, result);
        return result;
    }

    private void copyToArray(Buffer buffer, Layout layout, Object target) {
        CollapsedLayouts collapsed = CollapsedLayouts.of(layout, Layout.contiguous(layout.shape()));
        StridedCopy.copyRange(collapsed.shape(), CpuBuffer.cast(buffer).array(), collapsed.offsets()[0],
                collapsed.strides()[0], target, 0, collapsed.strides()[1], 0, collapsed.size());
    }

    @Override
    public void copy(Buffer source, Layout sourceLayout, Buffer target, Layout targetLayout) {
        CollapsedLayouts collapsed = CollapsedLayouts.of(targetLayout, sourceLayout);
        Object from = CpuBuffer.cast(source).array();
        Object to = CpuBuffer.cast(target).array();
        int size = collapsed.size();
        int chunk = ElementwiseEvaluator.CHUNK * 16;
        int chunks = (size + chunk - 1) / chunk;
        Runnable serial = () -> copyChunks(collapsed, from, to, 0, chunks, chunk);
        if (size < ElementwiseEvaluator.PARALLEL_THRESHOLD) {
            serial.run();
        } else {
            pool.parallelRanges(chunks, (first, end) -> copyChunks(collapsed, from, to, first, end, chunk));
        }
    }

    private static void copyChunks(CollapsedLayouts layouts, Object from, Object to, int first, int end, int chunk) {
        int size = layouts.size();
        for (int c = first; c < end; c++) {
            int start = c * chunk;
            StridedCopy.copyRange(layouts.shape(), from, layouts.offsets()[1], layouts.strides()[1],
                    to, layouts.offsets()[0], layouts.strides()[0], start, Math.min(chunk, size - start));
        }
    }

    @Override
    public void evaluate(ElementwiseProgram program, Buffer output, Layout outputLayout,
                         Buffer[] inputs, Layout[] inputLayouts) {
        CpuBuffer[] cpuInputs = new CpuBuffer[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            cpuInputs[i] = CpuBuffer.cast(inputs[i]);
        }
        elementwise.evaluate(program, CpuBuffer.cast(output), outputLayout, cpuInputs, inputLayouts);
    }

    @Override
    public void reduceRows(ReduceOp op, Buffer input, int inputOffset, int rows, int rowLength,
                           Buffer output, int outputOffset, int correction) {
        reductions.reduceRows(op, CpuBuffer.cast(input), inputOffset, rows, rowLength,
                CpuBuffer.cast(output), outputOffset, correction);
    }

    @Override
    public void gemm(boolean transposeA, boolean transposeB, int m, int n, int k, double alpha,
                     Buffer a, int aOffset, int lda, Buffer b, int bOffset, int ldb,
                     double beta, Buffer c, int cOffset, int ldc) {
        gemm.gemm(transposeA, transposeB, m, n, k, alpha, CpuBuffer.cast(a), aOffset, lda,
                CpuBuffer.cast(b), bOffset, ldb, beta, CpuBuffer.cast(c), cOffset, ldc);
    }

    @Override
    public void im2col(Buffer x, ConvGeometry geometry, Buffer col) {
        convolutions.im2col(x, geometry, col);
    }

    @Override
    public void col2im(Buffer col, ConvGeometry geometry, Buffer dx) {
        convolutions.col2im(col, geometry, dx);
    }

    @Override
    public void convRowsToNchw(Buffer rows, Buffer bias, ConvGeometry geometry, int outChannels, Buffer y) {
        convolutions.rowsToNchw(rows, bias, geometry, outChannels, y);
    }

    @Override
    public void nchwToConvRows(Buffer dy, ConvGeometry geometry, int outChannels, Buffer rows) {
        convolutions.nchwToRows(dy, geometry, outChannels, rows);
    }

    @Override
    public void convBiasGradient(Buffer dy, ConvGeometry geometry, int outChannels, Buffer dBias) {
        convolutions.biasGradient(dy, geometry, outChannels, dBias);
    }

    @Override
    public void maxPool2d(Buffer x, PoolGeometry geometry, Buffer y, Buffer indices) {
        convolutions.maxPool2d(x, geometry, y, indices);
    }

    @Override
    public void maxPool2dBackward(Buffer dy, Buffer indices, PoolGeometry geometry, Buffer dx) {
        convolutions.maxPool2dBackward(dy, indices, geometry, dx);
    }

    @Override
    public void avgPool2d(Buffer x, PoolGeometry geometry, boolean countIncludePad, Buffer y) {
        convolutions.avgPool2d(x, geometry, countIncludePad, y);
    }

    @Override
    public void avgPool2dBackward(Buffer dy, PoolGeometry geometry, boolean countIncludePad, Buffer dx) {
        convolutions.avgPool2dBackward(dy, geometry, countIncludePad, dx);
    }
}
