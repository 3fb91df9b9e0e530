package org.cortexj.tensor;

import java.util.Arrays;
import java.util.Objects;
import org.cortexj.autograd.GradMode;
import org.cortexj.backend.Backend;
import org.cortexj.backend.Buffer;
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
        checkOperands(a, b);
        Tensor left = a.rank() == 1 ? a.unsqueeze(0) : a;
        Tensor right = b.rank() == 1 ? b.unsqueeze(-1) : b;
        Tensor output = Tensor.zeros(a.dataType(), productDims(left, right, a.shape(), b.shape()));
        // With k == 0 every element is an empty sum, which the zero-filled output already holds.
        if (output.size() > 0 && left.dim(-1) > 0) {
            compute(left, right, output);
        }
        Recorder.record(output, "matmul", g -> new Tensor[] {
            Reductions.sumToShape(g.matmul(right.transpose(-1, -2)), left.shape()),
            Reductions.sumToShape(left.transpose(-1, -2).matmul(g), right.shape())
        }, left, right);
        return squeezeVectorAxes(output, a, b);
    }

    /**
     * Writes the product into {@code output}, which must have the product's shape and type. No
     * gradient is recorded, so neither operand may require one while gradients are on.
     */
    static Tensor matmul(Tensor a, Tensor b, Tensor output) {
        Objects.requireNonNull(output, "matmul: output is null; pass a tensor of the product's shape");
        checkOperands(a, b);
        Tensor left = a.rank() == 1 ? a.unsqueeze(0) : a;
        Tensor right = b.rank() == 1 ? b.unsqueeze(-1) : b;
        Shape product = Shape.of(productDims(left, right, a.shape(), b.shape()));
        checkOutput(a, b, output, squeezeVectorAxes(product, a, b));
        InPlace.checkWritable("matmul output", output);

        Storage storage = output.storage();
        storage.detachDependents(null);
        // Give back the axes that rank-1 operands dropped: n first, so a rank-0 output has one.
        Tensor target = b.rank() == 1 ? output.unsqueeze(-1) : output;
        target = a.rank() == 1 ? target.unsqueeze(-2) : target;
        if (output.size() == 0) {
            return output;
        }
        if (left.dim(-1) == 0) {
            return output.fill(0);
        }

        Tensor preparedLeft = prepare(left);
        Tensor preparedRight = prepare(right);
        // Compare buffers, not storages: two tensors made from one buffer have separate storages.
        Buffer written = storage.buffer();
        boolean aliased = preparedLeft.storage().buffer() == written || preparedRight.storage().buffer() == written;
        if (aliased || resultOperand(target.layout()) == null) {
            Tensor fresh = Tensor.zeros(a.dataType(), product.dims());
            compute(preparedLeft, preparedRight, fresh);
            return output.assign(squeezeVectorAxes(fresh, a, b));
        }
        compute(preparedLeft, preparedRight, target);
        storage.buffer().bumpVersion();
        return output;
    }

    private static void checkOperands(Tensor a, Tensor b) {
        Elementwise.requireFloat("matmul", a);
        Elementwise.requireFloat("matmul", b);
        Elementwise.requireSameType("matmul", a, b);
        if (a.rank() == 0 || b.rank() == 0) {
            throw new IllegalArgumentException("matmul: operands must have rank >= 1, got shapes " + a.shape()
                    + " and " + b.shape() + "; use mul for scalars");
        }
    }

    private static void checkOutput(Tensor a, Tensor b, Tensor output, Shape expected) {
        if (output.dataType() != a.dataType()) {
            throw new IllegalArgumentException("matmul: output is " + output.dataType() + " but the operands are "
                    + a.dataType() + "; pass an output of the operands' type");
        }
        if (!output.shape().equals(expected)) {
            throw new IllegalArgumentException("matmul: output shape " + output.shape() + " differs from the shape "
                    + expected + " of " + a.shape() + "·" + b.shape() + "; pass an output of exactly that shape");
        }
        if (GradMode.isEnabled() && (a.requiresGrad() || b.requiresGrad())) {
            throw new IllegalStateException("matmul: an operand requires grad, and a product written into an"
                    + " existing output records no gradient; use matmul(other), or run inside GradMode.disable()");
        }
    }

    /** Returns the dims of [..., m, k]·[..., k, n]: the broadcast batch axes, then m and n. */
    private static int[] productDims(Tensor a, Tensor b, Shape originalA, Shape originalB) {
        int m = a.dim(-2);
        int k = a.dim(-1);
        int n = b.dim(-1);
        if (b.dim(-2) != k) {
            throw new IllegalArgumentException("matmul: inner dimensions differ, left " + originalA + ", right "
                    + originalB + "; the last axis of the left operand must equal the second-to-last of the right");
        }
        Shape batch;
        try {
            batch = Shape.broadcast("matmul", batchShape(a), batchShape(b));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + "; these are the batch axes of left " + originalA
                    + " and right " + originalB + ", all axes but the last two", e);
        }
        int[] outputDims = Arrays.copyOf(batch.dims(), batch.rank() + 2);
        outputDims[batch.rank()] = m;
        outputDims[batch.rank() + 1] = n;
        return outputDims;
    }

    private static Shape batchShape(Tensor x) {
        return Shape.of(Arrays.copyOf(x.shape().dims(), x.rank() - 2));
    }

    /** Removes the axes that rank-1 operands gained: a row vector's m, a column vector's n. */
    private static Tensor squeezeVectorAxes(Tensor product, Tensor a, Tensor b) {
        Tensor result = a.rank() == 1 ? product.squeeze(-2) : product;
        return b.rank() == 1 ? result.squeeze(-1) : result;
    }

    private static Shape squeezeVectorAxes(Shape product, Tensor a, Tensor b) {
        int[] dims = product.dims();
        int rank = dims.length;
        int[] remaining = new int[rank - (a.rank() == 1 ? 1 : 0) - (b.rank() == 1 ? 1 : 0)];
        int next = 0;
        for (int axis = 0; axis < rank; axis++) {
            boolean dropped = (axis == rank - 2 && a.rank() == 1) || (axis == rank - 1 && b.rank() == 1);
            if (!dropped) {
                remaining[next++] = dims[axis];
            }
        }
        return Shape.of(remaining);
    }

    /**
     * Computes op(A)·op(B) into {@code output} with beta 0, for operands with k > 0 and an output
     * whose last two axes are row-major ({@link #resultOperand}).
     */
    private static void compute(Tensor a, Tensor b, Tensor output) {
        Tensor left = prepare(a);
        Tensor right = prepare(b);
        int m = left.dim(-2);
        int k = left.dim(-1);
        int n = right.dim(-1);
        Shape batch = Shape.of(Arrays.copyOf(output.shape().dims(), output.rank() - 2));
        Operand opA = operand(left.layout(), m, k);
        Operand opB = operand(right.layout(), k, n);
        Operand opC = resultOperand(output.layout());
        Backend backend = a.backend();
        Layout la = left.layout();
        Layout lb = right.layout();
        Layout lc = output.layout();
        if (b.rank() == 2 && !opA.transposed && foldsIntoRows(la, m, opA) && foldsIntoRows(lc, m, opC)) {
            // A stack of row-major matrices times one matrix is a single taller product.
            int rows = m * batch.size();
            backend.gemm(false, opB.transposed, rows, n, k, 1.0, left.buffer(), la.offset(), opA.leadingDimension,
                    right.buffer(), lb.offset(), opB.leadingDimension, 0.0, output.buffer(), lc.offset(),
                    opC.leadingDimension);
            return;
        }
        int[] batchDims = batch.dimsUnsafe();
        int[] index = new int[batchDims.length];
        for (int item = 0; item < batch.size(); item++) {
            int offsetA = la.offset() + batchOffset(la, index, batchDims.length);
            int offsetB = lb.offset() + batchOffset(lb, index, batchDims.length);
            int offsetC = lc.offset() + batchOffset(lc, index, batchDims.length);
            backend.gemm(opA.transposed, opB.transposed, m, n, k, 1.0, left.buffer(), offsetA, opA.leadingDimension,
                    right.buffer(), offsetB, opB.leadingDimension, 0.0, output.buffer(), offsetC,
                    opC.leadingDimension);
            increment(index, batchDims);
        }
    }

    /** Returns the GEMM form of a result view with row-major last two axes, or null for other layouts. */
    private static Operand resultOperand(Layout layout) {
        Operand operand = operand(layout, layout.shape()[layout.rank() - 2], layout.shape()[layout.rank() - 1]);
        return operand == null || operand.transposed ? null : operand;
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
