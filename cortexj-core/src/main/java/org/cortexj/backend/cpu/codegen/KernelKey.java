package org.cortexj.backend.cpu.codegen;

import java.util.ArrayList;
import java.util.List;
import org.cortexj.backend.DataType;
import org.cortexj.backend.ElementwiseProgram;
import org.cortexj.backend.ElementwiseProgram.Instruction;
import org.cortexj.backend.ElementwiseProgram.Kind;

/**
 * Cache key of a generated kernel: the program's data type and instructions with every
 * constant value set to 0, plus how each input is read. Programs that differ only in their
 * constants share one kernel, because constants reach it as arguments.
 *
 * @param dataType type of every register
 * @param structure the program's instructions, constants zeroed
 * @param inputs access of input {@code k} at index {@code k}
 */
record KernelKey(DataType dataType, List<Instruction> structure, List<InputAccess> inputs) {

    KernelKey {
        structure = List.copyOf(structure);
        inputs = List.copyOf(inputs);
    }

    /**
     * Returns the key of {@code program} read with {@code accesses}.
     *
     * @throws IllegalArgumentException if {@code accesses} does not have one entry per input
     */
    static KernelKey of(ElementwiseProgram program, InputAccess[] accesses) {
        if (accesses.length != program.inputCount()) {
            throw new IllegalArgumentException("fused kernel: program reads " + program.inputCount()
                    + " inputs, got " + accesses.length + " input accesses");
        }
        List<Instruction> structure = new ArrayList<>(program.instructions().size());
        for (Instruction instruction : program.instructions()) {
            structure.add(instruction.kind() == Kind.CONSTANT ? Instruction.constant(0) : instruction);
        }
        return new KernelKey(program.dataType(), structure, List.of(accesses));
    }

    InputAccess accessOf(Instruction load) {
        return inputs.get(load.input());
    }

    /** Returns whether {@code instruction} reads an array element by element. */
    boolean readsArray(Instruction instruction) {
        return instruction.kind() == Kind.LOAD && accessOf(instruction) == InputAccess.ARRAY;
    }

    /**
     * Returns whether the program reads register {@code register} as a value, that is, as its
     * result or as an operand other than the condition of a {@code WHERE}.
     */
    boolean readsAsValue(int register) {
        if (register == structure.size() - 1) {
            return true;
        }
        for (Instruction instruction : structure) {
            boolean operand = switch (instruction.kind()) {
                case UNARY -> instruction.a() == register;
                case BINARY -> instruction.a() == register || instruction.b() == register;
                case WHERE -> instruction.b() == register || instruction.c() == register;
                case LOAD, CONSTANT -> false;
            };
            if (operand) {
                return true;
            }
        }
        return false;
    }

    /** Returns whether {@code instruction} has one value for all elements, as a constant or broadcast input has. */
    boolean isUniform(Instruction instruction) {
        return instruction.kind() == Kind.CONSTANT
                || instruction.kind() == Kind.LOAD && accessOf(instruction) == InputAccess.BROADCAST;
    }
}
