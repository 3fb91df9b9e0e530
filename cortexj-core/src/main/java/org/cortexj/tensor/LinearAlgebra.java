package org.cortexj.tensor;

import java.util.Arrays;
import org.cortexj.backend.Backend;
import org.cortexj.backend.Layout;

/**
 * Matrix products through the backend's GEMM. Operands whose last two axes are row-major or
 * transposed, with any leading dimension, go to BLAS as they are; other layouts are copied
 * once.
 */
final class LinearAlgebra {

    private LinearAlgebra() {
    }

    /** The GEMM form of one matrix operand: transposed flag and leading dimension. */
    private record Operand(boolean transposed, int leadingDimension) {
    }

    static Tensor matmul(Tensor a, Tensor b) {
        Elementwise.requireFloat("matmul", a);
        Elementwise.requireFloat("matmul", b);
        Elementwise.requireSameType("matmul", a, b);
        if (a.rank() == 0 || b.rank() == 0) {
            throw new IllegalArgumentException("matmul: operands must have rank >= 1, got shapes " + a.shape()
                    + " and " + b.shape() + "; use mul for scalars");
        }
        Tensor left = a.rank() == 1 ? a.unsqueeze(0) : a;
        Tensor right = b.rank() == 1 ? b.unsqueeze(-1) : b;
        Tensor product = matmulBatched(left, right, a.shape(), b.shape());
        if (a.rank() == 1) {
            product = product.squeeze(-2);
        }
        if (b.rank() == 1) {
            product = product.squeeze(-1);
        }
        return product;
    }

    private static Tensor matmulBatched(Tensor a, Tensor b, Shape originalA, Shape originalB) {
        int m = a.dim(-2);
        int k = a.dim(-1);
        int n = b.dim(-1);
        if (b.dim(-2) != k) {
            throw new IllegalArgumentException("matmul: inner dimensions differ, left " + originalA + ", right "
                    + originalB + "; the last axis of the left operand must equal the second-to-last of the right");
        }
        Shape batchA = Shape.of(Arrays.copyOf(a.shape().dims(), a.rank() - 2));
        Shape batchB = Shape.of(Arrays.copyOf(b.shape().dims(), b.rank() - 2));
        Shape batch = Shape.broadcast("matmul", batchA, batchB);
        int[] outputDims = Arrays.copyOf(batch.dims(), batch.rank() + 2);
        outputDims[batch.rank()] = m;
        outputDims[batch.rank() + 1] = n;
        Tensor output = Tensor.zeros(a.dataType(), outputDims);
        // With k == 0 every element is an empty sum, which the zero-filled output already holds.
        if (output.size() > 0 && k > 0) {
            compute(a, b, batch, m, n, k, output);
        }
        Recorder.record(output, "matmul", g -> new Tensor[] {
            Reductions.sumToShape(g.matmul(b.transpose(-1, -2)), a.shape()),
            Reductions.sumToShape(a.transpose(-1, -2).matmul(g), b.shape())
        }, a, b);
        return output;
    }

    private static void compute(Tensor a, Tensor b, Shape batch, int m, int n, int k, Tensor output) {
        Tensor left = prepare(a);
        Tensor right = prepare(b);
        Operand opA = operand(left.layout(), m, k);
        Operand opB = operand(right.layout(), k, n);
        Backend backend = a.backend();
        Layout la = left.layout();
        Layout lb = right.layout();
        if (b.rank() == 2 && !opA.transposed && foldsIntoRows(la, m, opA)) {
            // A stack of row-major matrices times one matrix is a single taller product.
            int rows = m * batch.size();
            backend.gemm(false, opB.transposed, rows, n, k, 1.0, left.buffer(), la.offset(), opA.leadingDimension,
                    right.buffer(), lb.offset(), opB.leadingDimension, 0.0, output.buffer(), 0, n);
            return;
        }
        int[] batchDims = batch.dimsUnsafe();
        int[] index = new int[batchDims.length];
        for (int item = 0; item < batch.size(); item++) {
            int offsetA = la.offset() + batchOffset(la, index, batchDims.length);
            int offsetB = lb.offset() + batchOffset(lb, index, batchDims.length);
            backend.gemm(opA.transposed, opB.transposed, m, n, k, 1.0, left.buffer(), offsetA, opA.leadingDimension,
                    right.buffer(), offsetB, opB.leadingDimension, 0.0, output.buffer(), item * m * n, n);
            increment(index, batchDims);
        }
    }

    /** Tells whether the batch axes of A continue its row axis, so batch·m rows are one matrix. */
    private static boolean foldsIntoRows(Layout layout, int m, Operand operand) {
        int rank = layout.rank();
        int expected = operand.leadingDimension * m;
        for (int axis = rank - 3; axis >= 0; axis--) {
            if (layout.shape()[axis] != 1 && layout.strides()[axis] != expected) {
                return false;
            }
            expected *= layout.shape()[axis];
        }
        return true;
    }

    /** Realizes an operand and copies it if its last two axes suit neither GEMM layout. */
    private static Tensor prepare(Tensor x) {
        Layout layout = x.realize().layout();
        if (operand(layout, x.dim(-2), x.dim(-1)) != null) {
            return x;
        }
        return x.detach().copy();
    }

    /** Returns the GEMM form of a matrix view, or null if it needs a copy. */
    private static Operand operand(Layout layout, int rows, int columns) {
        int rank = layout.rank();
        int rowStride = layout.strides()[rank - 2];
        int columnStride = layout.strides()[rank - 1];
        if ((columns == 1 || columnStride == 1) && (rows == 1 || rowStride >= Math.max(1, columns))) {
            return new Operand(false, rows == 1 ? Math.max(1, columns) : Math.max(1, rowStride));
        }
        if ((rows == 1 || rowStride == 1) && (columns == 1 || columnStride >= Math.max(1, rows))) {
            return new Operand(true, columns == 1 ? Math.max(1, rows) : Math.max(1, columnStride));
        }
        return null;
    }

    private static int batchOffset(Layout layout, int[] index, int batchRank) {
        int rank = layout.rank();
        int shift = batchRank - (rank - 2);
        int offset = 0;
        for (int axis = 0; axis < rank - 2; axis++) {
            int i = index[axis + shift];
            offset += layout.shape()[axis] == 1 ? 0 : i * layout.strides()[axis];
        }
        return offset;
    }

    private static void increment(int[] index, int[] dims) {
        for (int axis = dims.length - 1; axis >= 0; axis--) {
            if (++index[axis] < dims[axis]) {
                return;
            }
            index[axis] = 0;
        }
    }
}
