package org.cortexj.tensor;

import java.util.Arrays;
import org.cortexj.backend.DataType;
import org.cortexj.backend.Layout;
import org.cortexj.backend.ReduceOp;

/**
 * Reductions over any set of axes. The input is viewed with the kept axes first and the
 * reduced axes last, copied to row-major order if that view is not already, and handed to the
 * backend as rows: one row per output element.
 */
final class Reductions {

    private Reductions() {
    }

    /** Axes to keep and to reduce, in order, for one call. */
    private record Plan(int[] kept, int[] reduced, int rows, int rowLength, int[] outputDims, int[] keepDimsShape) {
    }

    static Tensor sum(Tensor x, int[] axes, boolean keepDims) {
        Elementwise.requireFloat("sum", x);
        Plan plan = plan("sum", x.shape(), axes, keepDims);
        Tensor output = run(ReduceOp.SUM, x, plan, 0, x.dataType());
        Shape inputShape = x.shape();
        Recorder.record(output, "sum", g -> new Tensor[] {spread(g, plan, inputShape)}, x);
        return output;
    }

    static Tensor mean(Tensor x, int[] axes, boolean keepDims) {
        Elementwise.requireFloat("mean", x);
        Plan plan = plan("mean", x.shape(), axes, keepDims);
        Tensor output = run(ReduceOp.MEAN, x, plan, 0, x.dataType());
        Shape inputShape = x.shape();
        double count = plan.rowLength;
        Recorder.record(output, "mean", g -> new Tensor[] {spread(g.div(count), plan, inputShape)}, x);
        return output;
    }

    static Tensor variance(Tensor x, int[] axes, boolean keepDims, int correction) {
        Elementwise.requireFloat("variance", x);
        if (correction < 0) {
            throw new IllegalArgumentException("variance: correction must be >= 0, got " + correction);
        }
        Plan plan = plan("variance", x.shape(), axes, keepDims);
        Tensor output = run(ReduceOp.VARIANCE, x, plan, correction, x.dataType());
        Shape inputShape = x.shape();
        double denominator = plan.rowLength - correction;
        Recorder.record(output, "variance", g -> {
            Tensor mean = x.mean(reducedAxes(plan), true);
            Tensor deviation = x.sub(mean).mul(2.0 / denominator);
            return new Tensor[] {deviation.mulNoNan(spread(g, plan, inputShape))};
        }, x);
        return output;
    }

    static Tensor extreme(Tensor x, int[] axes, boolean keepDims, boolean maximum) {
        String name = maximum ? "max" : "min";
        Elementwise.requireFloat(name, x);
        Plan plan = plan(name, x.shape(), axes, keepDims);
        requireNonEmpty(name, x.shape(), plan);
        Tensor output = run(maximum ? ReduceOp.MAX : ReduceOp.MIN, x, plan, 0, x.dataType());
        Shape inputShape = x.shape();
        Recorder.record(output, name, g -> {
            Tensor indices = run(maximum ? ReduceOp.ARGMAX : ReduceOp.ARGMIN, x.detach(), plan, 0, DataType.INT32);
            return new Tensor[] {oneHotSpread(g, indices, plan, inputShape)};
        }, x);
        return output;
    }

    static Tensor argExtreme(Tensor x, Integer axis, boolean keepDims, boolean maximum) {
        String name = maximum ? "argmax" : "argmin";
        Elementwise.requireFloat(name, x);
        int[] axes = axis == null ? null : new int[] {axis};
        Plan plan = plan(name, x.shape(), axes, keepDims);
        requireNonEmpty(name, x.shape(), plan);
        return run(maximum ? ReduceOp.ARGMAX : ReduceOp.ARGMIN, x, plan, 0, DataType.INT32);
    }

    /** Sums a broadcast gradient back to the shape of the operand it came from. */
    static Tensor sumToShape(Tensor gradient, Shape shape) {
        if (gradient.shape().equals(shape)) {
            return gradient;
        }
        int rank = gradient.rank();
        int shift = rank - shape.rank();
        int[] axes = new int[rank];
        int count = 0;
        for (int axis = 0; axis < rank; axis++) {
            if (axis < shift || (shape.dimsUnsafe()[axis - shift] == 1 && gradient.dim(axis) != 1)) {
                axes[count++] = axis;
            }
        }
        Tensor summed = sum(gradient, Arrays.copyOf(axes, count), true);
        return summed.reshape(shape.dims());
    }

    private static void requireNonEmpty(String operation, Shape shape, Plan plan) {
        if (plan.rowLength == 0) {
            for (int axis : plan.reduced) {
                if (shape.dimsUnsafe()[axis] == 0) {
                    throw new IllegalArgumentException(operation + ": axis " + axis + " of shape " + shape
                            + " is empty, and " + operation + " of no elements is undefined");
                }
            }
            throw new IllegalArgumentException(operation + ": tensor of shape " + shape + " is empty, and "
                    + operation + " of no elements is undefined");
        }
    }

    private static Plan plan(String operation, Shape shape, int[] axes, boolean keepDims) {
        int rank = shape.rank();
        boolean[] reduce = new boolean[rank];
        if (axes == null) {
            Arrays.fill(reduce, true);
        } else {
            for (int axis : axes) {
                int normalized = Shape.normalizeAxis(axis, rank, operation);
                if (reduce[normalized]) {
                    throw new IllegalArgumentException(operation + ": axis " + axis + " appears twice in "
                            + Arrays.toString(axes));
                }
                reduce[normalized] = true;
            }
        }
        int[] dims = shape.dimsUnsafe();
        int[] kept = new int[rank];
        int[] reduced = new int[rank];
        int keptCount = 0;
        int reducedCount = 0;
        int rows = 1;
        int rowLength = 1;
        int[] keepDimsShape = dims.clone();
        for (int axis = 0; axis < rank; axis++) {
            if (reduce[axis]) {
                reduced[reducedCount++] = axis;
                rowLength *= dims[axis];
                keepDimsShape[axis] = 1;
            } else {
                kept[keptCount++] = axis;
                rows *= dims[axis];
            }
        }
        int[] keptAxes = Arrays.copyOf(kept, keptCount);
        int[] outputDims = keepDims ? keepDimsShape : Arrays.stream(keptAxes).map(a -> dims[a]).toArray();
        return new Plan(keptAxes, Arrays.copyOf(reduced, reducedCount), rows, rowLength, outputDims, keepDimsShape);
    }

    private static int[] reducedAxes(Plan plan) {
        return plan.reduced;
    }

    private static Tensor run(ReduceOp op, Tensor x, Plan plan, int correction, DataType outputType) {
        Tensor output = Tensor.zeros(outputType, plan.outputDims);
        if (plan.rows == 0) {
            return output;
        }
        int[] order = new int[plan.kept.length + plan.reduced.length];
        System.arraycopy(plan.kept, 0, order, 0, plan.kept.length);
        System.arraycopy(plan.reduced, 0, order, plan.kept.length, plan.reduced.length);
        Tensor rowsView = x.realize().detach().permute(order);
        Layout layout = rowsView.layout();
        if (!layout.isContiguous()) {
            rowsView = rowsView.copy();
            layout = rowsView.layout();
        }
        x.backend().reduceRows(op, rowsView.buffer(), layout.offset(), plan.rows, plan.rowLength,
                output.buffer(), 0, correction);
        return output;
    }

    /** Broadcasts a reduced gradient back over the reduced axes. */
    private static Tensor spread(Tensor gradient, Plan plan, Shape inputShape) {
        return gradient.reshape(plan.keepDimsShape).expand(inputShape.dims());
    }

    /** Routes each row's gradient to the element at its index; zeros elsewhere. */
    private static Tensor oneHotSpread(Tensor gradient, Tensor indices, Plan plan, Shape inputShape) {
        Tensor positions = Tensor.arange(0, plan.rowLength, 1, DataType.FLOAT64);
        Tensor selected = positions.reshape(1, plan.rowLength)
                .eq(indices.toType(DataType.FLOAT64).reshape(plan.rows, 1));
        Tensor rows = Tensor.where(selected, gradient.reshape(plan.rows, 1), 0);
        int[] permutedDims = new int[plan.kept.length + plan.reduced.length];
        int[] order = new int[permutedDims.length];
        int i = 0;
        for (int axis : plan.kept) {
            permutedDims[i] = inputShape.dimsUnsafe()[axis];
            order[i++] = axis;
        }
        for (int axis : plan.reduced) {
            permutedDims[i] = inputShape.dimsUnsafe()[axis];
            order[i++] = axis;
        }
        int[] inverse = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            inverse[order[k]] = k;
        }
        return rows.reshape(permutedDims).permute(inverse);
    }
}
