package org.cortexj.backend.cpu.codegen;

import static org.objectweb.asm.Opcodes.AALOAD;
import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.CHECKCAST;
import static org.objectweb.asm.Opcodes.D2F;
import static org.objectweb.asm.Opcodes.DALOAD;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.IALOAD;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.IF_ICMPGE;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.V17;

import java.util.List;
import org.cortexj.backend.ElementwiseProgram.Instruction;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Writes the class file of one generated kernel: a final subclass of {@link FusedKernel}
 * whose {@code run} method reads its arguments into locals, runs the vector loop over
 * {@code [0, loopBound(n))}, then the scalar loop over the rest.
 */
final class KernelClassGenerator {

    /**
     * Largest {@code run} method in bytes of bytecode. HotSpot does not compile larger methods
     * ({@code -XX:HugeMethodLimit}, 8000 bytes by default), and an interpreted Vector API
     * loop is far slower than the interpreter's compiled kernels.
     */
    static final int MAX_CODE_BYTES = 8000;

    /** Binary name of generated classes; the JVM appends a suffix to each hidden class. */
    static final String CLASS_NAME = Type.getInternalName(FusedKernel.class).replace("FusedKernel", "GeneratedKernel");

    private static final String RUN_DESCRIPTOR = "([Ljava/lang/Object;[I[DLjava/lang/Object;II)V";

    private KernelClassGenerator() {
    }

    /**
     * Returns the class file for {@code key}.
     *
     * @param laneCount lanes of the kernels' species for the key's data type
     * @throws UnsupportedProgramException if the method would exceed {@link #MAX_CODE_BYTES}
     */
    static byte[] generate(KernelKey key, int laneCount) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String first, String second) {
                // Each local keeps one type, so frames only merge a type with itself or with an
                // unset slot. ASM calls this method only if that assumption breaks.
                throw new IllegalStateException("fused kernel: locals of types " + first + " and " + second
                        + " meet at a branch target");
            }
        };
        writer.visit(V17, ACC_FINAL | ACC_SUPER, CLASS_NAME, null, Type.getInternalName(FusedKernel.class), null);
        writeConstructor(writer, laneCount);
        MethodVisitor run = writer.visitMethod(ACC_PUBLIC, "run", RUN_DESCRIPTOR, null, null);
        int codeBytes = writeRun(run, key, laneCount);
        if (codeBytes > MAX_CODE_BYTES) {
            throw new UnsupportedProgramException("fused kernel: the method for " + key.structure().size()
                    + " instructions takes " + codeBytes + " bytes of bytecode, more than the "
                    + MAX_CODE_BYTES + " the JIT compiles");
        }
        writer.visitEnd();
        return writer.toByteArray();
    }

    private static void writeConstructor(ClassWriter writer, int laneCount) {
        MethodVisitor constructor = writer.visitMethod(0, "<init>", "()V", null, null);
        constructor.visitCode();
        constructor.visitVarInsn(ALOAD, 0);
        constructor.visitLdcInsn(laneCount);
        constructor.visitMethodInsn(INVOKESPECIAL, Type.getInternalName(FusedKernel.class), "<init>", "(I)V", false);
        constructor.visitInsn(RETURN);
        constructor.visitMaxs(0, 0);
        constructor.visitEnd();
    }

    /** Writes the body of {@code run} and returns its length in bytes. */
    private static int writeRun(MethodVisitor code, KernelKey key, int laneCount) {
        KernelLocals locals = new KernelLocals(key);
        VectorStepEmitter vector = new VectorStepEmitter(code, key, locals, laneCount);
        ScalarStepEmitter scalar = new ScalarStepEmitter(code, key, locals);
        List<Instruction> instructions = key.structure();
        int result = instructions.size() - 1;
        code.visitCode();

        readArguments(code, key, locals);
        vector.emitPrologue();
        code.visitInsn(ICONST_0);
        code.visitVarInsn(ISTORE, locals.index);
        vector.emitLoopBound();
        code.visitVarInsn(ISTORE, locals.vectorBound);

        // Vector loop: for (; index < vectorBound; index += laneCount)
        Label vectorTest = new Label();
        Label vectorEnd = new Label();
        code.visitLabel(vectorTest);
        code.visitVarInsn(ILOAD, locals.index);
        code.visitVarInsn(ILOAD, locals.vectorBound);
        code.visitJumpInsn(IF_ICMPGE, vectorEnd);
        for (int i = 0; i < instructions.size(); i++) {
            vector.emitStep(i);
        }
        vector.emitStore(result);
        code.visitIincInsn(locals.index, laneCount);
        code.visitJumpInsn(GOTO, vectorTest);
        code.visitLabel(vectorEnd);

        // Scalar tail: for (; index < n; index++)
        Label scalarTest = new Label();
        Label scalarEnd = new Label();
        code.visitLabel(scalarTest);
        code.visitVarInsn(ILOAD, locals.index);
        code.visitVarInsn(ILOAD, KernelLocals.COUNT);
        code.visitJumpInsn(IF_ICMPGE, scalarEnd);
        for (int i = 0; i < instructions.size(); i++) {
            scalar.emitStep(i);
        }
        scalar.emitStore(result);
        code.visitIincInsn(locals.index, 1);
        code.visitJumpInsn(GOTO, scalarTest);
        code.visitLabel(scalarEnd);

        code.visitInsn(RETURN);
        Label end = new Label();
        code.visitLabel(end);
        code.visitMaxs(0, 0);
        code.visitEnd();
        return end.getOffset();
    }

    /** Casts the output and each array input to its type, and reads every uniform value. */
    private static void readArguments(MethodVisitor code, KernelKey key, KernelLocals locals) {
        LaneType type = LaneType.of(key.dataType());
        code.visitVarInsn(ALOAD, KernelLocals.OUTPUT);
        code.visitTypeInsn(CHECKCAST, type.arrayType());
        code.visitVarInsn(ASTORE, locals.outputArray);
        List<Instruction> instructions = key.structure();
        for (int i = 0; i < instructions.size(); i++) {
            Instruction instruction = instructions.get(i);
            if (key.readsArray(instruction)) {
                code.visitVarInsn(ALOAD, KernelLocals.REGISTER_ARRAYS);
                code.visitLdcInsn(i);
                code.visitInsn(AALOAD);
                code.visitTypeInsn(CHECKCAST, type.arrayType());
                code.visitVarInsn(ASTORE, locals.array[i]);
                code.visitVarInsn(ALOAD, KernelLocals.REGISTER_OFFSETS);
                code.visitLdcInsn(i);
                code.visitInsn(IALOAD);
                code.visitVarInsn(ISTORE, locals.offset[i]);
            } else if (key.isUniform(instruction)) {
                code.visitVarInsn(ALOAD, KernelLocals.SCALARS);
                code.visitLdcInsn(i);
                code.visitInsn(DALOAD);
                if (type == LaneType.FLOAT32) {
                    code.visitInsn(D2F);
                }
                code.visitVarInsn(type.opcode(ISTORE), locals.element[i]);
            }
        }
    }
}
