package org.cortexj.tensor;

import java.util.Arrays;
import org.cortexj.backend.Layout;

/**
 * View operations: new shapes and strides over the same storage, never a copy unless the
 * method documents one. Each records its gradient rule, which maps the output gradient back to the
 * input's shape.
 */
final class Movement {

    private Movement() {
    }

    static Tensor view(Tensor input, Layout layout) {
        return Tensor.realized(input.backend(), input.storage(), layout, input.dataType());
    }

    static Tensor reshape(Tensor input, int[] requested, boolean copyIfNeeded) {
        Shape target = inferShape(input.shape(), requested);
        if (target.equals(input.shape())) {
            return input;
        }
        Layout source = input.layout();
        int[] strides = viewStrides(source, target.dimsUnsafe());
        Tensor output;
        if (strides != null) {
            output = view(input, new Layout(target.dims(), strides, source.offset()));
        } else if (copyIfNeeded) {
            Tensor copy = copyOf(input);
            output = view(copy, Layout.contiguous(target.dims()));
        } else {
            throw new IllegalArgumentException("view: cannot view shape " + input.shape() + " with strides "
                    + Arrays.toString(source.strides()) + " as " + target
                    + " without copying; call reshape (which copies) or contiguous() first");
        }
        Shape inputShape = input.shape();
        Recorder.record(output, "reshape", g -> new Tensor[] {g.reshape(inputShape.dims())}, input);
        return output;
    }

    static Shape inferShape(Shape current, int[] requested) {
        int inferred = -1;
        long known = 1;
        int[] dims = requested.clone();
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] == -1) {
                if (inferred >= 0) {
                    throw new IllegalArgumentException("reshape: only one size may be -1, got "
                            + Arrays.toString(requested));
                }
                inferred = i;
            } else if (dims[i] < 0) {
                throw new IllegalArgumentException("reshape: sizes must be >= 0 or -1, got " + Arrays.toString(requested));
            } else {
                known *= dims[i];
            }
        }
        if (inferred >= 0) {
            if (known == 0 || current.size() % known != 0) {
                throw new IllegalArgumentException("reshape: cannot infer the -1 in " + Arrays.toString(requested)
                        + " for " + current.size() + " elements of shape " + current);
            }
            dims[inferred] = (int) (current.size() / known);
            known *= dims[inferred];
        }
        if (known != current.size()) {
            throw new IllegalArgumentException("reshape: shape " + current + " has " + current.size()
                    + " elements, requested " + Arrays.toString(requested) + " has " + known);
        }
        return Shape.wrap(dims);
    }

    /**
     * Strides that view {@code layout}'s elements, in row-major order, as {@code target}; null
     * when no such strides exist. Old axes are grouped into runs that are contiguous among
     * themselves (each stride spans the next axis); every run must map onto whole new axes.
     */
    static int[] viewStrides(Layout layout, int[] target) {
        int[] oldShape = layout.shape();
        int[] oldStrides = layout.strides();
        if (layout.size() == 0 || oldShape.length == 0) {
            return Layout.rowMajorStrides(target);
        }
        int[] strides = new int[target.length];
        int newAxis = target.length - 1;
        int runStride = oldStrides[oldShape.length - 1];
        long runCount = 1;
        long viewCount = 1;
        for (int oldAxis = oldShape.length - 1; oldAxis >= 0; oldAxis--) {
            runCount *= oldShape[oldAxis];
            boolean runEnds = oldAxis == 0
                    || (oldShape[oldAxis - 1] != 1 && oldStrides[oldAxis - 1] != runCount * runStride);
            if (!runEnds) {
                continue;
            }
            while (newAxis >= 0 && (viewCount < runCount || target[newAxis] == 1)) {
                strides[newAxis] = (int) (viewCount * runStride);
                viewCount *= target[newAxis];
                newAxis--;
            }
            if (viewCount != runCount) {
                return null;
            }
            if (oldAxis > 0) {
                runStride = oldStrides[oldAxis - 1];
                runCount = 1;
                viewCount = 1;
            }
        }
        return newAxis == -1 ? strides : null;
    }

    static Tensor flatten(Tensor input, int startAxis, int endAxis) {
        int rank = input.rank();
        if (rank == 0) {
            return reshape(input, new int[] {1}, true);
        }
        int start = Shape.normalizeAxis(startAxis, rank, "flatten");
        int end = Shape.normalizeAxis(endAxis, rank, "flatten");
        if (start > end) {
            throw new IllegalArgumentException("flatten: start axis " + startAxis + " comes after end axis " + endAxis);
        }
        int[] dims = input.shape().dimsUnsafe();
        int[] target = new int[rank - (end - start)];
        int merged = 1;
        for (int axis = start; axis <= end; axis++) {
            merged *= dims[axis];
        }
        System.arraycopy(dims, 0, target, 0, start);
        target[start] = merged;
        System.arraycopy(dims, end + 1, target, start + 1, rank - end - 1);
        return reshape(input, target, true);
    }

    static Tensor transpose(Tensor input, int axis0, int axis1) {
        int rank = input.rank();
        int a = Shape.normalizeAxis(axis0, rank, "transpose");
        int b = Shape.normalizeAxis(axis1, rank, "transpose");
        int[] order = new int[rank];
        for (int i = 0; i < rank; i++) {
            order[i] = i;
        }
        order[a] = b;
        order[b] = a;
        return permute(input, order);
    }

    static Tensor permute(Tensor input, int[] order) {
        int rank = input.rank();
        if (order.length != rank) {
            throw new IllegalArgumentException("permute: order " + Arrays.toString(order) + " has "
                    + order.length + " axes, tensor of shape " + input.shape() + " has " + rank);
        }
        int[] normalized = new int[rank];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            normalized[i] = Shape.normalizeAxis(order[i], rank, "permute");
            if (seen[normalized[i]]) {
                throw new IllegalArgumentException("permute: axis " + order[i] + " appears twice in "
                        + Arrays.toString(order) + "; each axis must appear once");
            }
            seen[normalized[i]] = true;
        }
        Layout source = input.layout();
        int[] shape = new int[rank];
        int[] strides = new int[rank];
        int[] inverse = new int[rank];
        for (int i = 0; i < rank; i++) {
            shape[i] = source.shape()[normalized[i]];
            strides[i] = source.strides()[normalized[i]];
            inverse[normalized[i]] = i;
        }
        Tensor output = view(input, new Layout(shape, strides, source.offset()));
        Recorder.record(output, "permute", g -> new Tensor[] {g.permute(inverse)}, input);
        return output;
    }

    static Tensor slice(Tensor input, int axis, int start, int end, int step) {
        int rank = input.rank();
        int a = Shape.normalizeAxis(axis, rank, "slice");
        if (step == 0) {
            throw new IllegalArgumentException("slice: step must be nonzero");
        }
        int size = input.dim(a);
        int first;
        int count;
        if (step > 0) {
            first = clamp(start < 0 ? start + size : start, 0, size);
            int stop = clamp(end < 0 ? end + size : end, 0, size);
            count = stop > first ? (stop - first + step - 1) / step : 0;
        } else {
            first = clamp(start < 0 ? start + size : start, -1, size - 1);
            int stop = clamp(end < 0 ? end + size : end, -1, size - 1);
            count = first > stop ? (first - stop + (-step) - 1) / (-step) : 0;
        }
        Layout source = input.layout();
        int[] shape = source.shape().clone();
        int[] strides = source.strides().clone();
        int offset = source.offset() + (count > 0 ? first * strides[a] : 0);
        shape[a] = count;
        strides[a] = strides[a] * step;
        Tensor output = view(input, new Layout(shape, strides, offset));
        Shape inputShape = input.shape();
        int firstIndex = first;
        // slice counts a negative end from the axis end, so a backward walk past index 0 must
        // end at -size - 1, which clips to the position before index 0.
        int stop = first + count * step;
        int endIndex = stop < 0 && count > 0 ? -size - 1 : stop;
        Recorder.record(output, "slice", g -> new Tensor[] {
            scatterInto(inputShape, g, t -> t.slice(a, firstIndex, endIndex, step))}, input);
        return output;
    }

    static Tensor narrow(Tensor input, int axis, int start, int length) {
        int a = Shape.normalizeAxis(axis, input.rank(), "narrow");
        int size = input.dim(a);
        int first = start < 0 ? start + size : start;
        if (first < 0 || first > size || length < 0 || length > size - first) {
            throw new IllegalArgumentException("narrow: start " + start + " and length " + length
                    + " do not fit axis " + axis + " of size " + size + " in shape " + input.shape()
                    + "; start must be in [-size, size] and start + length at most the size");
        }
        return slice(input, a, first, first + length, 1);
    }

    private static int clamp(int value, int low, int high) {
        return Math.max(low, Math.min(high, value));
    }

    static Tensor select(Tensor input, int axis, int index) {
        int rank = input.rank();
        int a = Shape.normalizeAxis(axis, rank, "select");
        int size = input.dim(a);
        int i = index < 0 ? index + size : index;
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("select: index " + index + " is out of range for axis " + axis
                    + " of size " + size + " in shape " + input.shape());
        }
        Layout source = input.layout();
        int[] shape = new int[rank - 1];
        int[] strides = new int[rank - 1];
        for (int k = 0, j = 0; k < rank; k++) {
            if (k != a) {
                shape[j] = source.shape()[k];
                strides[j] = source.strides()[k];
                j++;
            }
        }
        Tensor output = view(input, new Layout(shape, strides, source.offset() + i * source.strides()[a]));
        Shape inputShape = input.shape();
        Recorder.record(output, "select", g -> new Tensor[] {scatterInto(inputShape, g, t -> t.select(a, i))}, input);
        return output;
    }

    /** A zero tensor of {@code shape} whose view picked by {@code region} contains {@code gradient}. */
    private static Tensor scatterInto(Shape shape, Tensor gradient, java.util.function.UnaryOperator<Tensor> region) {
        Tensor result = Tensor.zeros(gradient.dataType(), shape.dims());
        region.apply(result).assign(gradient);
        return result;
    }

    static Tensor expand(Tensor input, Shape target) {
        if (target.equals(input.shape())) {
            return input;
        }
        Shape broadcast = Shape.broadcast("expand", input.shape(), target);
        if (!broadcast.equals(target)) {
            throw new IllegalArgumentException("expand: cannot expand shape " + input.shape() + " to " + target
                    + "; each axis must match or have size 1 in the input");
        }
        Tensor output = view(input, broadcastLayout(input.layout(), input.shape(), target));
        Shape inputShape = input.shape();
        Recorder.record(output, "expand", g -> new Tensor[] {Reductions.sumToShape(g, inputShape)}, input);
        return output;
    }

    /** Returns the layout that reads {@code layout} (of {@code shape}) broadcast to {@code target}. */
    static Layout broadcastLayout(Layout layout, Shape shape, Shape target) {
        if (shape.equals(target)) {
            return layout;
        }
        int rank = target.rank();
        int shift = rank - shape.rank();
        int[] strides = new int[rank];
        int[] sourceStrides = layout.strides();
        int[] sourceShape = layout.shape();
        for (int axis = shift; axis < rank; axis++) {
            strides[axis] = sourceShape[axis - shift] == 1 ? 0 : sourceStrides[axis - shift];
        }
        return new Layout(target.dims(), strides, layout.offset());
    }

    static Tensor squeeze(Tensor input) {
        int[] dims = Arrays.stream(input.shape().dimsUnsafe()).filter(d -> d != 1).toArray();
        return reshape(input, dims, false);
    }

    static Tensor squeeze(Tensor input, int axis) {
        int a = Shape.normalizeAxis(axis, input.rank(), "squeeze");
        if (input.dim(a) != 1) {
            throw new IllegalArgumentException("squeeze: axis " + axis + " has size " + input.dim(a)
                    + " in shape " + input.shape() + "; only size-1 axes can be removed");
        }
        int[] dims = input.shape().dims();
        int[] target = new int[dims.length - 1];
        System.arraycopy(dims, 0, target, 0, a);
        System.arraycopy(dims, a + 1, target, a, dims.length - a - 1);
        return reshape(input, target, false);
    }

    static Tensor unsqueeze(Tensor input, int axis) {
        int a = Shape.normalizeAxis(axis, input.rank() + 1, "unsqueeze");
        int[] dims = input.shape().dims();
        int[] target = new int[dims.length + 1];
        System.arraycopy(dims, 0, target, 0, a);
        target[a] = 1;
        System.arraycopy(dims, a, target, a + 1, dims.length - a);
        return reshape(input, target, false);
    }

    static Tensor contiguous(Tensor input) {
        if (input.isContiguous() && input.layout().offset() == 0) {
            return input;
        }
        return copy(input);
    }

    static Tensor copy(Tensor input) {
        Tensor output = copyOf(input);
        Recorder.record(output, "copy", g -> new Tensor[] {g}, input);
        return output;
    }

    /** Returns a contiguous copy without recording a gradient rule. */
    private static Tensor copyOf(Tensor input) {
        Layout layout = Layout.contiguous(input.shape().dims());
        Storage storage = new Storage(input.backend().allocate(input.dataType(), input.size()));
        if (input.isLazy()) {
            Evaluation.evaluate(input, storage, layout, input.shape());
        } else {
            input.backend().copy(input.buffer(), input.layout(), storage.buffer(), layout);
        }
        return Tensor.realized(input.backend(), storage, layout, input.dataType());
    }

    static int elementOffset(String operation, Layout layout, int[] index) {
        int[] shape = layout.shape();
        if (index.length != shape.length) {
            throw new IllegalArgumentException(operation + ": index " + Arrays.toString(index) + " has "
                    + index.length + " coordinates, shape " + Arrays.toString(shape) + " needs " + shape.length);
        }
        int offset = layout.offset();
        for (int axis = 0; axis < shape.length; axis++) {
            int i = index[axis] < 0 ? index[axis] + shape[axis] : index[axis];
            if (i < 0 || i >= shape[axis]) {
                throw new IndexOutOfBoundsException(operation + ": index " + Arrays.toString(index)
                        + " is out of range for shape " + Arrays.toString(shape) + " at axis " + axis);
            }
            offset += i * layout.strides()[axis];
        }
        return offset;
    }
}
