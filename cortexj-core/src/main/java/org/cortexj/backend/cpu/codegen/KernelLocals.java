package org.cortexj.backend.cpu.codegen;

import java.util.Arrays;
import java.util.List;
import org.cortexj.backend.ElementwiseProgram.Instruction;
import org.cortexj.backend.ElementwiseProgram.Kind;

/**
 * Local variable slots of the generated {@link FusedKernel#run} method. Every register gets
 * its own vector slot and its own element slot. The JIT allocates machine registers itself,
 * so reusing slots would gain nothing.
 */
final class KernelLocals {

    // Parameters of run(Object[] registerArrays, int[] registerOffsets, double[] scalars,
    // Object output, int outputOffset, int n); slot 0 is this.
    static final int REGISTER_ARRAYS = 1;
    static final int REGISTER_OFFSETS = 2;
    static final int SCALARS = 3;
    static final int OUTPUT = 4;
    static final int OUTPUT_OFFSET = 5;
    static final int COUNT = 6;

    private int next = 7;

    /** The output cast to its array type. */
    final int outputArray = allocate(1);
    /** Index of the current element or vector, from 0 to n. */
    final int index = allocate(1);
    /** End of the vector loop: loopBound(n). */
    final int vectorBound = allocate(1);
    /** Vectors of zeros and of ones, the interpreted kernels' constants. */
    final int zeros = allocate(1);
    final int ones = allocate(1);
    /** Arrays of one vector's lanes, for operators computed lane by lane: operand, second operand. */
    final int lanes = allocate(1);
    final int rightLanes = allocate(1);

    /** Per register: the typed input array, or −1 unless the register reads an array. */
    final int[] array;
    /** Per register: the input array's offset, or −1. */
    final int[] offset;
    /** Per register: the element slot, used by the scalar tail and for uniform values. */
    final int[] element;
    /** Per register: the vector slot. */
    final int[] vector;
    /** Per register: the slot of a comparison's mask, or −1 unless the register is a comparison. */
    final int[] mask;

    KernelLocals(KernelKey key) {
        List<Instruction> instructions = key.structure();
        int count = instructions.size();
        LaneType type = LaneType.of(key.dataType());
        array = new int[count];
        offset = new int[count];
        element = new int[count];
        vector = new int[count];
        mask = new int[count];
        Arrays.fill(array, -1);
        Arrays.fill(offset, -1);
        Arrays.fill(mask, -1);
        for (int i = 0; i < count; i++) {
            Instruction instruction = instructions.get(i);
            if (instruction.kind() == Kind.LOAD && key.readsArray(instruction)) {
                array[i] = allocate(1);
                offset[i] = allocate(1);
            }
            element[i] = allocate(type.slotSize());
            vector[i] = allocate(1);
            if (instruction.kind() == Kind.BINARY && instruction.binary().isComparison()) {
                mask[i] = allocate(1);
            }
        }
    }

    /** Returns a new slot of {@code size} (1 or 2) after all others, for copied code's own locals. */
    int allocateExtra(int size) {
        return allocate(size);
    }

    private int allocate(int size) {
        int slot = next;
        next += size;
        return slot;
    }
}
