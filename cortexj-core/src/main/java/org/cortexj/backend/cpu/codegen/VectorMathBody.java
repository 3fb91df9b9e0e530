package org.cortexj.backend.cpu.codegen;

import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ASM9;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.ATHROW;
import static org.objectweb.asm.Opcodes.DLOAD;
import static org.objectweb.asm.Opcodes.DSTORE;
import static org.objectweb.asm.Opcodes.GETSTATIC;
import static org.objectweb.asm.Opcodes.IADD;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.IRETURN;
import static org.objectweb.asm.Opcodes.LLOAD;
import static org.objectweb.asm.Opcodes.LSTORE;
import static org.objectweb.asm.Opcodes.MONITORENTER;
import static org.objectweb.asm.Opcodes.MONITOREXIT;
import static org.objectweb.asm.Opcodes.RETURN;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * The per-vector body of one loop of {@link org.cortexj.backend.cpu.simd.FloatVectorMath} or
 * {@link org.cortexj.backend.cpu.simd.DoubleVectorMath}, copied from its class file so that a
 * generated kernel computes exp, log, tanh and the others with exactly the interpreter's
 * operations, in one place, without relying on the JIT to inline a helper method.
 *
 * <p>Each of those loops loads a vector {@code x} with {@code fromArray}, computes a vector from
 * it in straight-line code and stores that with {@code intoArray}. The body is the code in
 * between, minus the pushes of the {@code intoArray} arguments. Reading checks that shape and
 * accepts only instructions that are safe to move: Vector API calls, constants, arithmetic on
 * the stack and locals declared in the body. Anything else raises {@link
 * UnsupportedProgramException}, so a change to those classes makes the generator fall back to
 * the interpreter instead of computing something different.
 */
final class VectorMathBody {

    private static final String VECTOR_PACKAGE = "jdk/incubator/vector/";

    /** One recorded instruction, replayed with the body's locals moved to free slots. */
    @FunctionalInterface
    private interface Step {
        void replay(MethodVisitor target, SlotMap slots);
    }

    /** Source slot to target slot: the input maps to the operand, every other local to a fresh slot. */
    interface SlotMap {
        int target(int sourceSlot, int size);
    }

    private final List<Step> steps;
    private final int inputSlot;

    private VectorMathBody(List<Step> steps, int inputSlot) {
        this.steps = steps;
        this.inputSlot = inputSlot;
    }

    /** Slot in the source method of the loaded vector, which the replay maps to the operand. */
    int inputSlot() {
        return inputSlot;
    }

    /** Emits the body into {@code target}; it leaves the result vector on the stack. */
    void emit(MethodVisitor target, SlotMap slots) {
        for (Step step : steps) {
            step.replay(target, slots);
        }
    }

    /**
     * Reads the body of {@code method} of {@code owner}, one of the vector math classes.
     *
     * @param type element type, which fixes the method's descriptor and vector class
     * @throws UnsupportedProgramException if the method is missing or has another shape
     */
    static VectorMathBody read(Class<?> owner, String method, LaneType type) {
        String resource = owner.getName().replace('.', '/') + ".class";
        byte[] classFile;
        try (InputStream in = owner.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new UnsupportedProgramException("fused kernel: class file " + resource + " not found");
            }
            classFile = in.readAllBytes();
        } catch (IOException e) {
            throw new UnsupportedProgramException("fused kernel: reading " + resource + " failed: " + e);
        }
        String array = type.arrayType();
        String descriptor = "(" + array + "I" + array + "II)I";
        BodyRecorder recorder = new BodyRecorder(type, org.objectweb.asm.Type.getInternalName(owner));
        new ClassReader(classFile).accept(new ClassVisitor(ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String methodDescriptor, String signature,
                                             String[] exceptions) {
                return name.equals(method) && methodDescriptor.equals(descriptor) ? recorder : null;
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return recorder.finish(owner.getSimpleName() + "." + method);
    }

    /** Records the loop body of one method while checking its shape. */
    private static final class BodyRecorder extends MethodVisitor {

        private enum State { BEFORE_LOAD, AFTER_LOAD, RECORDING, DONE }

        private final LaneType type;
        private final String owner;
        private final List<Step> steps = new ArrayList<>();
        /** Trailing instructions that may turn out to be the intoArray arguments. */
        private final List<int[]> trailingVarLoads = new ArrayList<>();
        private State state = State.BEFORE_LOAD;
        private int inputSlot = -1;
        private String problem;

        BodyRecorder(LaneType type, String owner) {
            super(ASM9);
            this.type = type;
            this.owner = owner;
        }

        VectorMathBody finish(String name) {
            if (problem == null && state != State.DONE) {
                problem = "no fromArray ... intoArray loop found";
            }
            if (problem != null) {
                throw new UnsupportedProgramException("fused kernel: cannot copy the vector body of " + name
                        + ": " + problem);
            }
            return new VectorMathBody(List.copyOf(steps), inputSlot);
        }

        private boolean recording() {
            return state == State.RECORDING && problem == null;
        }

        private void reject(String reason) {
            if (problem == null && state == State.RECORDING) {
                problem = reason;
            }
        }

        @Override
        public void visitMethodInsn(int opcode, String methodOwner, String name, String descriptor, boolean isInterface) {
            if (state == State.BEFORE_LOAD && opcode == INVOKESTATIC && methodOwner.equals(type.vectorClass())
                    && name.equals("fromArray")) {
                state = State.AFTER_LOAD;
                return;
            }
            if (!recording()) {
                return;
            }
            if (opcode == INVOKEVIRTUAL && methodOwner.equals(type.vectorClass()) && name.equals("intoArray")) {
                finishAtStore();
                return;
            }
            if (!methodOwner.startsWith(VECTOR_PACKAGE)) {
                reject("calls " + methodOwner + "." + name);
                return;
            }
            flushTrailing();
            steps.add((target, slots) -> target.visitMethodInsn(opcode, methodOwner, name, descriptor, isInterface));
        }

        /** Drops the pushes of out and outOffset + i that precede intoArray, and ends the body. */
        private void finishAtStore() {
            boolean shape = trailingVarLoads.size() == 3
                    && trailingVarLoads.get(0)[0] == ALOAD
                    && trailingVarLoads.get(1)[0] == ILOAD
                    && trailingVarLoads.get(2)[0] == ILOAD
                    && trailingVarLoads.get(2)[2] == IADD;
            if (!shape) {
                reject("intoArray does not store at out[outOffset + i]");
                return;
            }
            trailingVarLoads.clear();
            state = State.DONE;
        }

        @Override
        public void visitVarInsn(int opcode, int slot) {
            if (state == State.AFTER_LOAD) {
                if (opcode != ASTORE) {
                    problem = "fromArray result is not stored in a local";
                    state = State.RECORDING;
                    return;
                }
                inputSlot = slot;
                state = State.RECORDING;
                return;
            }
            if (!recording()) {
                return;
            }
            if (isLoad(opcode) && slot < inputSlot) {
                // Possibly out, outOffset or i for intoArray; decided when the next instruction arrives.
                trailingVarLoads.add(new int[] {opcode, slot, 0});
                return;
            }
            flushTrailing();
            if (slot < inputSlot) {
                reject("writes the loop's local " + slot);
            } else if (slot == inputSlot && !isLoad(opcode)) {
                reject("overwrites the loaded vector");
            } else {
                steps.add(varStep(opcode, slot));
            }
        }

        @Override
        public void visitInsn(int opcode) {
            if (!recording()) {
                return;
            }
            if (opcode == IADD && !trailingVarLoads.isEmpty()) {
                trailingVarLoads.get(trailingVarLoads.size() - 1)[2] = IADD;
                return;
            }
            flushTrailing();
            if (opcode >= IRETURN && opcode <= RETURN || opcode == ATHROW || opcode == MONITORENTER
                    || opcode == MONITOREXIT) {
                reject("returns, throws or locks");
                return;
            }
            steps.add((target, slots) -> target.visitInsn(opcode));
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            if (recording()) {
                flushTrailing();
                steps.add((target, slots) -> target.visitIntInsn(opcode, operand));
            }
        }

        @Override
        public void visitLdcInsn(Object value) {
            if (!recording()) {
                return;
            }
            flushTrailing();
            if (value instanceof Number) {
                steps.add((target, slots) -> target.visitLdcInsn(value));
            } else {
                reject("loads the constant " + value);
            }
        }

        @Override
        public void visitFieldInsn(int opcode, String fieldOwner, String name, String descriptor) {
            if (!recording()) {
                return;
            }
            flushTrailing();
            if (opcode != GETSTATIC) {
                reject("accesses field " + fieldOwner + "." + name);
            } else if (fieldOwner.startsWith(VECTOR_PACKAGE)) {
                steps.add((target, slots) -> target.visitFieldInsn(opcode, fieldOwner, name, descriptor));
            } else if (fieldOwner.equals(owner) && descriptor.equals("Ljdk/incubator/vector/VectorSpecies;")) {
                // The class's own species is the kernels' species, which generated code reads from KernelSpecies.
                String field = type.speciesField();
                steps.add((target, slots) -> target.visitFieldInsn(GETSTATIC,
                        org.objectweb.asm.Type.getInternalName(KernelSpecies.class), field, descriptor));
            } else {
                reject("reads field " + fieldOwner + "." + name);
            }
        }

        @Override
        public void visitTypeInsn(int opcode, String typeName) {
            if (!recording()) {
                return;
            }
            flushTrailing();
            if (typeName.startsWith(VECTOR_PACKAGE)) {
                steps.add((target, slots) -> target.visitTypeInsn(opcode, typeName));
            } else {
                reject("uses type " + typeName);
            }
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            reject("branches");
        }

        @Override
        public void visitIincInsn(int slot, int increment) {
            reject("increments local " + slot);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label fallback, Label... labels) {
            reject("switches");
        }

        @Override
        public void visitLookupSwitchInsn(Label fallback, int[] keys, Label[] labels) {
            reject("switches");
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            reject("uses invokedynamic");
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
            reject("allocates arrays");
        }

        /** Rejects loads of loop locals that turned out not to be intoArray arguments. */
        private void flushTrailing() {
            if (!trailingVarLoads.isEmpty()) {
                reject("reads the loop's local " + trailingVarLoads.get(0)[1]);
                trailingVarLoads.clear();
            }
        }

        private static boolean isLoad(int opcode) {
            return opcode >= ILOAD && opcode <= ALOAD;
        }

        private Step varStep(int opcode, int slot) {
            int size = opcode == LLOAD || opcode == DLOAD || opcode == LSTORE || opcode == DSTORE ? 2 : 1;
            return (target, slots) -> target.visitVarInsn(opcode, slots.target(slot, size));
        }
    }

    /**
     * Returns a slot map that sends the input to {@code operandSlot} and gives every other
     * source local, per size, its own slot from {@code allocate} on first use.
     */
    static SlotMap freshSlots(int inputSlot, int operandSlot, IntUnaryOperator allocate) {
        Map<Integer, Integer> assigned = new HashMap<>();
        return (source, size) -> source == inputSlot ? operandSlot
                : assigned.computeIfAbsent(source * 4 + size, key -> allocate.applyAsInt(size));
    }
}
