package org.cortexj.backend.cpu.codegen;

import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.GETSTATIC;
import static org.objectweb.asm.Opcodes.IADD;
import static org.objectweb.asm.Opcodes.IALOAD;
import static org.objectweb.asm.Opcodes.IASTORE;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKEINTERFACE;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.NEWARRAY;

import java.util.List;
import org.cortexj.backend.BinaryOp;
import org.cortexj.backend.ElementwiseProgram.Instruction;
import org.cortexj.backend.ElementwiseProgram.Kind;
import org.cortexj.backend.UnaryOp;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Emits the body of the vector loop: one Vector API expression per instruction, written to
 * that register's vector slot. Each operator uses the calls of the matching loop in {@link
 * org.cortexj.backend.cpu.simd.VectorElementwiseKernels}, and exp, expm1, log, log1p, tanh and
 * sigmoid copy the loop body of its vector math classes ({@link VectorMathBody}). Operators
 * that have no vector loop there (sign, floor, ceil, round, erf, pow) run the scalar operator
 * on each lane, as the interpreter runs its scalar kernel over the whole chunk for them.
 */
final class VectorStepEmitter {

    private static final String OPERATORS = "jdk/incubator/vector/VectorOperators";
    private static final String SPECIES = "Ljdk/incubator/vector/VectorSpecies;";
    private static final String VECTOR = "Ljdk/incubator/vector/Vector;";
    private static final String MASK = "Ljdk/incubator/vector/VectorMask;";
    private static final String COMPARISON = "L" + OPERATORS + "$Comparison;";

    private final MethodVisitor code;
    private final KernelKey key;
    private final KernelLocals locals;
    private final LaneType type;
    private final int laneCount;

    VectorStepEmitter(MethodVisitor code, KernelKey key, KernelLocals locals, int laneCount) {
        this.code = code;
        this.key = key;
        this.locals = locals;
        this.type = LaneType.of(key.dataType());
        this.laneCount = laneCount;
    }

    /** Emits the code that computes register {@code i} for the vector at the current index. */
    void emitStep(int i) {
        List<Instruction> instructions = key.structure();
        Instruction instruction = instructions.get(i);
        switch (instruction.kind()) {
            case LOAD -> {
                if (key.readsArray(instruction)) {
                    loadVector(i);
                    code.visitVarInsn(ASTORE, locals.vector[i]);
                }
            }
            case CONSTANT -> {
                // Broadcast once before the loop.
            }
            case UNARY -> {
                unary(instruction.unary(), locals.vector[instruction.a()]);
                code.visitVarInsn(ASTORE, locals.vector[i]);
            }
            case BINARY -> {
                BinaryOperands operands = BinaryOperands.of(instructions, instruction);
                if (operands.op().isComparison()) {
                    comparison(i, operands);
                } else {
                    binary(operands.op(), locals.vector[operands.left()], locals.vector[operands.right()]);
                    code.visitVarInsn(ASTORE, locals.vector[i]);
                }
            }
            case WHERE -> {
                // ifFalse.blend(ifTrue, condition != 0)
                code.visitVarInsn(ALOAD, locals.vector[instruction.c()]);
                code.visitVarInsn(ALOAD, locals.vector[instruction.b()]);
                int condition = instruction.a();
                if (locals.mask[condition] >= 0) {
                    // A comparison's 0/1 vector is != 0 exactly where its mask is set, so the
                    // mask serves directly and the JIT can drop the unused 0/1 vector.
                    code.visitVarInsn(ALOAD, locals.mask[condition]);
                } else {
                    compare("NE", locals.vector[condition], locals.zeros);
                }
                blend();
                code.visitVarInsn(ASTORE, locals.vector[i]);
            }
        }
    }

    /** Stores register {@code result}'s vector into the output at the current index. */
    void emitStore(int result) {
        code.visitVarInsn(ALOAD, locals.vector[result]);
        code.visitVarInsn(ALOAD, locals.outputArray);
        code.visitVarInsn(ILOAD, KernelLocals.OUTPUT_OFFSET);
        code.visitVarInsn(ILOAD, locals.index);
        code.visitInsn(IADD);
        invokeVector("intoArray", "(" + type.arrayType() + "I)V");
    }

    /** Emits the prologue's vectors (zeros, ones and each uniform register) and the lane arrays. */
    void emitPrologue() {
        pushSpecies();
        code.visitMethodInsn(INVOKESTATIC, type.vectorClass(), "zero",
                "(" + SPECIES + ")" + type.vectorDescriptor(), false);
        code.visitVarInsn(ASTORE, locals.zeros);
        pushSpecies();
        code.visitLdcInsn(type == LaneType.FLOAT32 ? (Object) 1f : (Object) 1.0);
        invokeBroadcast();
        code.visitVarInsn(ASTORE, locals.ones);
        List<Instruction> instructions = key.structure();
        for (int i = 0; i < instructions.size(); i++) {
            if (key.isUniform(instructions.get(i))) {
                pushSpecies();
                code.visitVarInsn(type.opcode(ILOAD), locals.element[i]);
                invokeBroadcast();
                code.visitVarInsn(ASTORE, locals.vector[i]);
            }
        }
        if (needsLaneArrays(instructions)) {
            newLaneArray(locals.lanes);
            newLaneArray(locals.rightLanes);
        }
    }

    private void newLaneArray(int slot) {
        code.visitLdcInsn(laneCount);
        code.visitIntInsn(NEWARRAY, type.newArrayCode());
        code.visitVarInsn(ASTORE, slot);
    }

    private static boolean needsLaneArrays(List<Instruction> instructions) {
        for (Instruction instruction : instructions) {
            boolean unary = instruction.kind() == Kind.UNARY && !hasVectorForm(instruction.unary());
            boolean pow = instruction.kind() == Kind.BINARY && instruction.binary() == BinaryOp.POW;
            if (unary || pow) {
                return true;
            }
        }
        return false;
    }

    /** Returns whether {@code op} has a vector loop of its own in the Vector API kernels. */
    private static boolean hasVectorForm(UnaryOp op) {
        return switch (op) {
            case SIGN, FLOOR, CEIL, ROUND, ERF -> false;
            default -> true;
        };
    }

    /** Pushes loopBound(n) of the species. */
    void emitLoopBound() {
        pushSpecies();
        code.visitVarInsn(ILOAD, KernelLocals.COUNT);
        code.visitMethodInsn(INVOKEINTERFACE, "jdk/incubator/vector/VectorSpecies",
                "loopBound", "(I)I", true);
    }

    private void loadVector(int register) {
        pushSpecies();
        code.visitVarInsn(ALOAD, locals.array[register]);
        code.visitVarInsn(ILOAD, locals.offset[register]);
        code.visitVarInsn(ILOAD, locals.index);
        code.visitInsn(IADD);
        code.visitMethodInsn(INVOKESTATIC, type.vectorClass(), "fromArray",
                "(" + SPECIES + type.arrayType() + "I)" + type.vectorDescriptor(), false);
    }

    private void unary(UnaryOp op, int x) {
        switch (op) {
            case NEG -> vectorMethod(x, "neg");
            case ABS -> vectorMethod(x, "abs");
            case SQRT -> vectorMethod(x, "sqrt");
            case EXP, EXPM1, LOG, LOG1P, TANH, SIGMOID -> {
                VectorMathBody body = VectorMathBodies.of(type, op);
                body.emit(code, VectorMathBody.freshSlots(body.inputSlot(), x, locals::allocateExtra));
            }
            case RSQRT -> {
                code.visitVarInsn(ALOAD, locals.ones);
                vectorMethod(x, "sqrt");
                invokeVector("div", "(" + VECTOR + ")" + type.vectorDescriptor());
            }
            case SQUARE -> binaryCall(x, x, "mul");
            case RECIPROCAL -> binaryCall(locals.ones, x, "div");
            case RELU -> binaryCall(x, locals.zeros, "max");
            case SIGN, FLOOR, CEIL, ROUND, ERF -> laneByLane(x, -1, ScalarStepEmitter.methodName(op));
        }
    }

    private void binary(BinaryOp op, int a, int b) {
        switch (op) {
            case ADD -> binaryCall(a, b, "add");
            case SUB -> binaryCall(a, b, "sub");
            case MUL -> binaryCall(a, b, "mul");
            case DIV -> binaryCall(a, b, "div");
            case POW -> laneByLane(a, b, "pow");
            case MAXIMUM -> binaryCall(a, b, "max");
            case MINIMUM -> binaryCall(a, b, "min");
            case GT, GE, LT, LE, EQ, NE -> throw new IllegalArgumentException(
                    "fused kernel: comparison " + op + " is emitted with its mask");
            case MUL_NO_NAN -> {
                // (a * b).blend(zeros, b == 0)
                binaryCall(a, b, "mul");
                code.visitVarInsn(ALOAD, locals.zeros);
                compare("EQ", b, locals.zeros);
                blend();
            }
        }
    }

    /**
     * Stores the mask {@code left op right} in the register's mask slot and, unless only
     * {@code WHERE} conditions read the register, zeros.blend(ones, mask) in its vector slot.
     */
    private void comparison(int register, BinaryOperands operands) {
        compare(operands.op().name(), locals.vector[operands.left()], locals.vector[operands.right()]);
        code.visitVarInsn(ASTORE, locals.mask[register]);
        if (key.readsAsValue(register)) {
            code.visitVarInsn(ALOAD, locals.zeros);
            code.visitVarInsn(ALOAD, locals.ones);
            code.visitVarInsn(ALOAD, locals.mask[register]);
            blend();
            code.visitVarInsn(ASTORE, locals.vector[register]);
        }
    }

    /**
     * Stores the lanes of x (and of y unless it is −1) into the lane arrays, applies the scalar
     * operator to each lane, and pushes the vector of the results.
     */
    private void laneByLane(int x, int y, String scalarMethod) {
        int arity = y < 0 ? 1 : 2;
        String element = type.elementDescriptor();
        String descriptor = "(" + element.repeat(arity) + ")" + element;
        storeLanes(x, locals.lanes);
        if (arity == 2) {
            storeLanes(y, locals.rightLanes);
        }
        for (int lane = 0; lane < laneCount; lane++) {
            code.visitVarInsn(ALOAD, locals.lanes);
            code.visitLdcInsn(lane);
            loadLane(locals.lanes, lane);
            if (arity == 2) {
                loadLane(locals.rightLanes, lane);
            }
            code.visitMethodInsn(INVOKESTATIC, type.scalarOpsClass(), scalarMethod, descriptor, false);
            code.visitInsn(type.opcode(IASTORE));
        }
        pushSpecies();
        code.visitVarInsn(ALOAD, locals.lanes);
        code.visitInsn(ICONST_0);
        code.visitMethodInsn(INVOKESTATIC, type.vectorClass(), "fromArray",
                "(" + SPECIES + type.arrayType() + "I)" + type.vectorDescriptor(), false);
    }

    private void storeLanes(int vector, int array) {
        code.visitVarInsn(ALOAD, vector);
        code.visitVarInsn(ALOAD, array);
        code.visitInsn(ICONST_0);
        invokeVector("intoArray", "(" + type.arrayType() + "I)V");
    }

    private void loadLane(int array, int lane) {
        code.visitVarInsn(ALOAD, array);
        code.visitLdcInsn(lane);
        code.visitInsn(type.opcode(IALOAD));
    }

    private void vectorMethod(int x, String name) {
        code.visitVarInsn(ALOAD, x);
        invokeVector(name, "()" + type.vectorDescriptor());
    }

    private void binaryCall(int a, int b, String name) {
        code.visitVarInsn(ALOAD, a);
        code.visitVarInsn(ALOAD, b);
        invokeVector(name, "(" + VECTOR + ")" + type.vectorDescriptor());
    }

    /** Pushes the mask {@code a.compare(operator, b)}. */
    private void compare(String operator, int a, int b) {
        code.visitVarInsn(ALOAD, a);
        code.visitFieldInsn(GETSTATIC, OPERATORS, operator, COMPARISON);
        code.visitVarInsn(ALOAD, b);
        invokeVector("compare", "(" + COMPARISON + VECTOR + ")" + MASK);
    }

    /** Calls {@code blend(Vector, VectorMask)} on the receiver, value and mask on the stack. */
    private void blend() {
        invokeVector("blend", "(" + VECTOR + MASK + ")" + type.vectorDescriptor());
    }

    private void invokeBroadcast() {
        code.visitMethodInsn(INVOKESTATIC, type.vectorClass(), "broadcast",
                "(" + SPECIES + type.elementDescriptor() + ")" + type.vectorDescriptor(), false);
    }

    private void invokeVector(String name, String descriptor) {
        code.visitMethodInsn(INVOKEVIRTUAL, type.vectorClass(), name, descriptor, false);
    }

    private void pushSpecies() {
        code.visitFieldInsn(GETSTATIC, Type.getInternalName(KernelSpecies.class), type.speciesField(), SPECIES);
    }
}
