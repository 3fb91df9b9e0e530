package org.cortexj.backend.cpu.codegen;

import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.IADD;
import static org.objectweb.asm.Opcodes.IALOAD;
import static org.objectweb.asm.Opcodes.IASTORE;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.ISTORE;

import java.util.List;
import java.util.Locale;
import org.cortexj.backend.ElementwiseProgram.Instruction;
import org.objectweb.asm.MethodVisitor;

/**
 * Emits the body of the scalar tail loop: one call of a {@link ScalarFloatOps} or {@link
 * ScalarDoubleOps} method per instruction, written to that register's element slot.
 */
final class ScalarStepEmitter {

    private final MethodVisitor code;
    private final KernelKey key;
    private final KernelLocals locals;
    private final LaneType type;

    ScalarStepEmitter(MethodVisitor code, KernelKey key, KernelLocals locals) {
        this.code = code;
        this.key = key;
        this.locals = locals;
        this.type = LaneType.of(key.dataType());
    }

    /** Name of the scalar operator method for {@code op}: NEG → neg, MUL_NO_NAN → mulNoNan. */
    static String methodName(Enum<?> op) {
        String[] words = op.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int w = 1; w < words.length; w++) {
            name.append(Character.toUpperCase(words[w].charAt(0))).append(words[w].substring(1));
        }
        return name.toString();
    }

    /** Emits the code that computes register {@code i} for the element at the current index. */
    void emitStep(int i) {
        List<Instruction> instructions = key.structure();
        Instruction instruction = instructions.get(i);
        switch (instruction.kind()) {
            case LOAD -> {
                if (key.readsArray(instruction)) {
                    code.visitVarInsn(ALOAD, locals.array[i]);
                    code.visitVarInsn(ILOAD, locals.offset[i]);
                    code.visitVarInsn(ILOAD, locals.index);
                    code.visitInsn(IADD);
                    code.visitInsn(type.opcode(IALOAD));
                    store(i);
                }
            }
            case CONSTANT -> {
                // Read once before the loops.
            }
            case UNARY -> {
                load(instruction.a());
                callScalar(methodName(instruction.unary()), 1);
                store(i);
            }
            case BINARY -> {
                BinaryOperands operands = BinaryOperands.of(instructions, instruction);
                load(operands.left());
                load(operands.right());
                callScalar(methodName(operands.op()), 2);
                store(i);
            }
            case WHERE -> {
                load(instruction.a());
                load(instruction.b());
                load(instruction.c());
                callScalar("where", 3);
                store(i);
            }
        }
    }

    /** Stores register {@code result}'s element into the output at the current index. */
    void emitStore(int result) {
        code.visitVarInsn(ALOAD, locals.outputArray);
        code.visitVarInsn(ILOAD, KernelLocals.OUTPUT_OFFSET);
        code.visitVarInsn(ILOAD, locals.index);
        code.visitInsn(IADD);
        load(result);
        code.visitInsn(type.opcode(IASTORE));
    }

    private void load(int register) {
        code.visitVarInsn(type.opcode(ILOAD), locals.element[register]);
    }

    private void store(int register) {
        code.visitVarInsn(type.opcode(ISTORE), locals.element[register]);
    }

    private void callScalar(String name, int arity) {
        String element = type.elementDescriptor();
        String descriptor = "(" + element.repeat(arity) + ")" + element;
        code.visitMethodInsn(INVOKESTATIC, type.scalarOpsClass(), name, descriptor, false);
    }
}
