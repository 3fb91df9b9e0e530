package org.cortexj.tensor;

import org.cortexj.autograd.GradMode;
import org.cortexj.backend.BinaryOp;
import org.cortexj.backend.Layout;
import org.cortexj.backend.UnaryOp;

/** In-place writes: checks, dependents settled first, then one fused evaluation. */
final class InPlace {

    private InPlace() {
    }

    static Tensor assign(Tensor target, Tensor value) {
        checkWritable("assign", target);
        checkBroadcastsTo("assign", value, target);
        Tensor source = value.dataType() == target.dataType() ? value : value.toType(target.dataType());
        Storage storage = target.storage();
        storage.detachDependents(null);
        write(target, storage, source);
        return target;
    }

    static Tensor binary(BinaryOp op, Tensor target, Tensor operand) {
        checkWritable(Elementwise.name(op) + "InPlace", target);
        checkBroadcastsTo(Elementwise.name(op) + "InPlace", operand, target);
        Tensor root;
        try (GradMode.Scope ignored = GradMode.disable()) {
            root = Elementwise.binary(op, target, operand);
        }
        Storage storage = target.storage();
        storage.detachDependents(root);
        write(target, storage, root);
        return target;
    }

    static Tensor unary(UnaryOp op, Tensor target) {
        checkWritable(Elementwise.name(op) + "InPlace", target);
        Tensor root;
        try (GradMode.Scope ignored = GradMode.disable()) {
            root = Elementwise.unary(op, target);
        }
        Storage storage = target.storage();
        storage.detachDependents(root);
        write(target, storage, root);
        return target;
    }

    private static void write(Tensor target, Storage storage, Tensor source) {
        Layout layout = target.layout();
        Tensor input = source;
        if (Evaluation.readsOverlapping(source, storage, layout, target.shape())) {
            input = source.copy();
        }
        Evaluation.evaluate(input, storage, layout, target.shape());
        storage.buffer().bumpVersion();
    }

    static void checkWritable(String operation, Tensor target) {
        if (target.requiresGrad() && GradMode.isEnabled()) {
            throw new IllegalStateException(operation + ": tensor of shape " + target.shape()
                    + " requires grad, and changing it in place would corrupt recorded gradients; "
                    + "use the out-of-place operation, or update it inside GradMode.disable()");
        }
        Layout layout = target.layout();
        if (layout.size() == 0) {
            // Nothing is written, and row-major strides of a shape such as [3, 0] contain 0.
            return;
        }
        for (int axis = 0; axis < layout.rank(); axis++) {
            if (layout.strides()[axis] == 0 && layout.shape()[axis] > 1) {
                throw new IllegalArgumentException(operation + ": target of shape " + target.shape()
                        + " is a broadcast view (axis " + axis + " has stride 0), so several elements share"
                        + " memory; write into a contiguous copy instead");
            }
        }
    }

    private static void checkBroadcastsTo(String operation, Tensor value, Tensor target) {
        Shape result = Shape.broadcast(operation, target.shape(), value.shape());
        if (!result.equals(target.shape())) {
            throw new IllegalArgumentException(operation + ": value of shape " + value.shape()
                    + " does not broadcast to the target shape " + target.shape()
                    + "; an in-place write cannot change the target's shape");
        }
    }
}
