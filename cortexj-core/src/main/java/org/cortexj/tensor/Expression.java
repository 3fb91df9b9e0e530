package org.cortexj.tensor;

import org.cortexj.backend.BinaryOp;
import org.cortexj.backend.UnaryOp;

/**
 * The pending computation of a lazy tensor: one elementwise operator over operand tensors,
 * which may themselves be lazy. Realizing the tensor compiles the whole tree of pending
 * operators into one {@link org.cortexj.backend.ElementwiseProgram}.
 */
final class Expression {

    enum Kind { CONSTANT, UNARY, BINARY, WHERE, CAST }

    final Kind kind;
    final UnaryOp unary;
    final BinaryOp binary;
    final double constant;
    final Tensor[] operands;

    private Expression(Kind kind, UnaryOp unary, BinaryOp binary, double constant, Tensor... operands) {
        this.kind = kind;
        this.unary = unary;
        this.binary = binary;
        this.constant = constant;
        this.operands = operands;
    }

    static Expression constant(double value) {
        return new Expression(Kind.CONSTANT, null, null, value);
    }

    static Expression unary(UnaryOp op, Tensor x) {
        return new Expression(Kind.UNARY, op, null, 0, x);
    }

    static Expression binary(BinaryOp op, Tensor a, Tensor b) {
        return new Expression(Kind.BINARY, null, op, 0, a, b);
    }

    static Expression where(Tensor condition, Tensor ifTrue, Tensor ifFalse) {
        return new Expression(Kind.WHERE, null, null, 0, condition, ifTrue, ifFalse);
    }

    /** Conversion of a realized tensor to the lazy tensor's data type. */
    static Expression cast(Tensor x) {
        return new Expression(Kind.CAST, null, null, 0, x);
    }

    /** Number of operator nodes in the tree, counting shared subtrees once per use. */
    int nodeCount() {
        int count = 1;
        for (Tensor operand : operands) {
            count += operand.pendingNodeCount();
        }
        return count;
    }
}
