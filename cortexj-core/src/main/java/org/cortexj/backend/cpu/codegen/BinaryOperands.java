package org.cortexj.backend.cpu.codegen;

import java.util.List;
import org.cortexj.backend.BinaryOp;
import org.cortexj.backend.ElementwiseProgram.Instruction;
import org.cortexj.backend.ElementwiseProgram.Kind;

/**
 * Operator and operand order in which a binary step runs, following the interpreter's rule
 * for constant operands: a constant right operand stays on the right, and a constant left
 * operand moves to the right when the operator has a form with exchanged operands (a < c for
 * c > a). Keeping the interpreter's order keeps results equal to the bit, NaN payloads
 * included, because IEEE 754 leaves the payload of a NaN from two NaN operands open.
 *
 * @param op operator to apply
 * @param left register of the left operand
 * @param right register of the right operand
 */
record BinaryOperands(BinaryOp op, int left, int right) {

    static BinaryOperands of(List<Instruction> instructions, Instruction step) {
        boolean constantRight = instructions.get(step.b()).kind() == Kind.CONSTANT;
        boolean constantLeft = instructions.get(step.a()).kind() == Kind.CONSTANT;
        BinaryOp exchanged = exchanged(step.binary());
        if (!constantRight && constantLeft && exchanged != null) {
            return new BinaryOperands(exchanged, step.b(), step.a());
        }
        return new BinaryOperands(step.binary(), step.a(), step.b());
    }

    /** Returns the operator that gives the same result with its operands exchanged, or null. */
    private static BinaryOp exchanged(BinaryOp op) {
        return switch (op) {
            case ADD, MUL, MAXIMUM, MINIMUM, EQ, NE -> op;
            case GT -> BinaryOp.LT;
            case LT -> BinaryOp.GT;
            case GE -> BinaryOp.LE;
            case LE -> BinaryOp.GE;
            case SUB, DIV, POW, MUL_NO_NAN -> null;
        };
    }
}
