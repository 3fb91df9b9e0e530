package org.cortexj.tensor;

import org.cortexj.backend.Backend;
import org.cortexj.backend.Buffer;
import org.cortexj.backend.DataType;
import org.cortexj.backend.ElementwiseProgram;
import org.cortexj.backend.Layout;
import org.cortexj.backend.ReduceOp;

/** A backend that forwards every call to another and counts the strided copies requested from it. */
final class CopyCountingBackend implements Backend {

    private final Backend delegate;
    private int copies;

    CopyCountingBackend(Backend delegate) {
        this.delegate = delegate;
    }

    int copies() {
        return copies;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public String description() {
        return "copy counting " + delegate.description();
    }

    @Override
    public int workers() {
        return delegate.workers();
    }

    @Override
    public Buffer allocate(DataType dataType, int size) {
        return delegate.allocate(dataType, size);
    }

    @Override
    public Buffer wrap(float[] data) {
        return delegate.wrap(data);
    }

    @Override
    public Buffer wrap(double[] data) {
        return delegate.wrap(data);
    }

    @Override
    public Buffer wrap(int[] data) {
        return delegate.wrap(data);
    }

    @Override
    public double get(Buffer buffer, int index) {
        return delegate.get(buffer, index);
    }

    @Override
    public void set(Buffer buffer, int index, double value) {
        delegate.set(buffer, index, value);
    }

    @Override
    public float[] toFloatArray(Buffer buffer, Layout layout) {
        return delegate.toFloatArray(buffer, layout);
    }

    @Override
    public double[] toDoubleArray(Buffer buffer, Layout layout) {
        return delegate.toDoubleArray(buffer, layout);
    }

    @Override
    public int[] toIntArray(Buffer buffer, Layout layout) {
        return delegate.toIntArray(buffer, layout);
    }

    @Override
    public void copy(Buffer source, Layout sourceLayout, Buffer target, Layout targetLayout) {
        copies++;
        delegate.copy(source, sourceLayout, target, targetLayout);
    }

    @Override
    public void evaluate(ElementwiseProgram program, Buffer output, Layout outputLayout, Buffer[] inputs,
                         Layout[] inputLayouts) {
        delegate.evaluate(program, output, outputLayout, inputs, inputLayouts);
    }

    @Override
    public void reduceRows(ReduceOp op, Buffer input, int inputOffset, int rows, int rowLength, Buffer output,
                           int outputOffset, int correction) {
        delegate.reduceRows(op, input, inputOffset, rows, rowLength, output, outputOffset, correction);
    }

    @Override
    public void gemm(boolean transposeA, boolean transposeB, int m, int n, int k, double alpha, Buffer a,
                     int aOffset, int lda, Buffer b, int bOffset, int ldb, double beta, Buffer c, int cOffset,
                     int ldc) {
        delegate.gemm(transposeA, transposeB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset,
                ldc);
    }
}
