package org.cortexj.backend;

import java.util.List;

/**
 * A fused elementwise expression, compiled to a straight-line list of instructions.
 *
 * <p>Instruction {@code i} writes register {@code i}; operands name earlier registers. The last
 * instruction's register is the result. A backend evaluates the whole list for a chunk of
 * output positions before it moves to the next chunk, so no intermediate ever has the size of
 * the tensor. All arithmetic happens in {@link #dataType()}; a {@code LOAD} converts its input
 * to that type.
 *
 * @param dataType type of every register and of the output
 * @param instructions the expression in topological order, never empty
 * @param inputCount number of distinct inputs that {@code LOAD} instructions name
 */
public record ElementwiseProgram(DataType dataType, List<Instruction> instructions, int inputCount) {

    public ElementwiseProgram {
        if (!dataType.isFloatingPoint()) {
            throw new IllegalArgumentException(
                    "elementwise: arithmetic needs float32 or float64, got " + dataType);
        }
        if (instructions.isEmpty()) {
            throw new IllegalArgumentException("elementwise: a program needs at least one instruction");
        }
        instructions = List.copyOf(instructions);
    }

    /** Kind of one instruction. */
    public enum Kind { LOAD, CONSTANT, UNARY, BINARY, WHERE }

    /**
     * One step of the program.
     *
     * @param kind what the step does
     * @param input input index for {@code LOAD}, otherwise −1
     * @param constant value for {@code CONSTANT}
     * @param unary operator for {@code UNARY}
     * @param binary operator for {@code BINARY}
     * @param a first operand register (condition for {@code WHERE})
     * @param b second operand register (value where the condition is nonzero, for {@code WHERE})
     * @param c third operand register (value where the condition is zero, for {@code WHERE})
     */
    public record Instruction(Kind kind, int input, double constant, UnaryOp unary, BinaryOp binary,
                              int a, int b, int c) {

        public static Instruction load(int input) {
            return new Instruction(Kind.LOAD, input, 0, null, null, -1, -1, -1);
        }

        public static Instruction constant(double value) {
            return new Instruction(Kind.CONSTANT, -1, value, null, null, -1, -1, -1);
        }

        public static Instruction unary(UnaryOp op, int a) {
            return new Instruction(Kind.UNARY, -1, 0, op, null, a, -1, -1);
        }

        public static Instruction binary(BinaryOp op, int a, int b) {
            return new Instruction(Kind.BINARY, -1, 0, null, op, a, b, -1);
        }

        public static Instruction where(int condition, int ifTrue, int ifFalse) {
            return new Instruction(Kind.WHERE, -1, 0, null, null, condition, ifTrue, ifFalse);
        }
    }
}
