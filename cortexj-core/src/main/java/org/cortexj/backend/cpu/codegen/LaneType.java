package org.cortexj.backend.cpu.codegen;

import org.cortexj.backend.DataType;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/** What the bytecode of a generated kernel names for one element type. */
enum LaneType {
    FLOAT32(Type.FLOAT_TYPE, "jdk/incubator/vector/FloatVector", "FLOATS", ScalarFloatOps.class, Opcodes.T_FLOAT),
    FLOAT64(Type.DOUBLE_TYPE, "jdk/incubator/vector/DoubleVector", "DOUBLES", ScalarDoubleOps.class, Opcodes.T_DOUBLE);

    private final Type element;
    private final String vectorClass;
    private final String speciesField;
    private final String scalarOpsClass;
    private final int newArrayCode;

    LaneType(Type element, String vectorClass, String speciesField, Class<?> scalarOps, int newArrayCode) {
        this.element = element;
        this.vectorClass = vectorClass;
        this.speciesField = speciesField;
        this.scalarOpsClass = Type.getInternalName(scalarOps);
        this.newArrayCode = newArrayCode;
    }

    static LaneType of(DataType dataType) {
        return switch (dataType) {
            case FLOAT32 -> FLOAT32;
            case FLOAT64 -> FLOAT64;
            case INT32 -> throw new IllegalArgumentException(
                    "fused kernel: arithmetic needs float32 or float64, got int32");
        };
    }

    /** Primitive type of one element. */
    Type element() {
        return element;
    }

    /** Descriptor of one element, {@code F} or {@code D}. */
    String elementDescriptor() {
        return element.getDescriptor();
    }

    /** Internal name of the element array type, {@code [F} or {@code [D}. */
    String arrayType() {
        return "[" + element.getDescriptor();
    }

    /** Internal name of the Vector API class, such as {@code jdk/incubator/vector/FloatVector}. */
    String vectorClass() {
        return vectorClass;
    }

    String vectorDescriptor() {
        return "L" + vectorClass + ";";
    }

    /** Name of the {@link KernelSpecies} field that holds this type's species. */
    String speciesField() {
        return speciesField;
    }

    /** Internal name of the class with this type's scalar operator methods. */
    String scalarOpsClass() {
        return scalarOpsClass;
    }

    /** Operand of {@code NEWARRAY} for an element array. */
    int newArrayCode() {
        return newArrayCode;
    }

    /** Local variable slots one element takes: 1 for float, 2 for double. */
    int slotSize() {
        return element.getSize();
    }

    /** The opcode for this element type of an int-typed instruction such as ILOAD or IALOAD. */
    int opcode(int intOpcode) {
        return element.getOpcode(intOpcode);
    }
}
