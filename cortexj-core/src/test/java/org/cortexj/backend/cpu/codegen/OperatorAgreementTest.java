package org.cortexj.backend.cpu.codegen;

import static org.cortexj.backend.cpu.codegen.FusedEvaluation.GENERATED;
import static org.cortexj.backend.cpu.codegen.FusedEvaluation.INTERPRETED;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.cortexj.backend.BinaryOp;
import org.cortexj.backend.DataType;
import org.cortexj.backend.ElementwiseProgram;
import org.cortexj.backend.ElementwiseProgram.Instruction;
import org.cortexj.backend.UnaryOp;
import org.cortexj.backend.cpu.SimdSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operator, in every operand form, through the generated kernel and through the
 * interpreter, over sizes 0 to 70 and around one and two chunks, in float32 and float64.
 */
class OperatorAgreementTest {

    /** Sizes 0..70 cover empty, all-tail and vector-plus-tail chunks; the rest cross chunk edges. */
    static final int[] SIZES = IntStream.concat(IntStream.rangeClosed(0, 70),
            IntStream.of(1023, 1024, 1025, 2048 + 37)).toArray();

    /** Constants for the scalar-operand forms: signed zeros, NaN, infinity, a subnormal double. */
    static final double[] CONSTANTS = {0.0, -0.0, 2.5, -1.5, Double.NaN, Double.POSITIVE_INFINITY, 1e-310};

    @BeforeAll
    static void requireVectorApi() {
        assumeTrue(SimdSupport.enabled(), "generated kernels need the jdk.incubator.vector module");
        assumeTrue(FusedKernels.enabled(), "generated kernels are off: -Dcortexj.codegen=false");
    }

    static Stream<Arguments> unaryCases() {
        return cross(UnaryOp.values());
    }

    static Stream<Arguments> binaryCases() {
        return cross(BinaryOp.values());
    }

    private static Stream<Arguments> cross(Object[] ops) {
        List<Arguments> cases = new ArrayList<>();
        for (Object op : ops) {
            for (DataType type : new DataType[] {DataType.FLOAT32, DataType.FLOAT64}) {
                cases.add(Arguments.of(op, type));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("unaryCases")
    void unaryMatchesInterpreter(UnaryOp op, DataType type) {
        ElementwiseProgram program = program(type, 1, Instruction.load(0), Instruction.unary(op, 0));
        for (int size : SIZES) {
            Object x = TestValues.array(type, size, size, size, 2);
            compare(program, op + " " + type + " size " + size, size, x);
        }
        FusedEvaluation.assertGenerated(program, InputAccess.ARRAY);
    }

    @ParameterizedTest
    @MethodSource("binaryCases")
    void binaryMatchesInterpreter(BinaryOp op, DataType type) {
        ElementwiseProgram program = program(type, 2,
                Instruction.load(0), Instruction.load(1), Instruction.binary(op, 0, 1));
        for (int size : SIZES) {
            Object a = TestValues.array(type, size, size, 0, 2);
            Object b = TestValues.array(type, size, size + 1000, 5, 3);
            compare(program, op + " " + type + " size " + size, size, a, b);
        }
        FusedEvaluation.assertGenerated(program, InputAccess.ARRAY, InputAccess.ARRAY);
    }

    @ParameterizedTest
    @MethodSource("binaryCases")
    void constantRightOperandMatches(BinaryOp op, DataType type) {
        for (double constant : CONSTANTS) {
            ElementwiseProgram program = program(type, 1,
                    Instruction.load(0), Instruction.constant(constant), Instruction.binary(op, 0, 1));
            for (int size : SIZES) {
                Object a = TestValues.array(type, size, size, size, 2);
                compare(program, op + " " + type + " x op " + constant + " size " + size, size, a);
            }
            FusedEvaluation.assertGenerated(program, InputAccess.ARRAY);
        }
    }

    @ParameterizedTest
    @MethodSource("binaryCases")
    void constantLeftOperandMatches(BinaryOp op, DataType type) {
        for (double constant : CONSTANTS) {
            ElementwiseProgram program = program(type, 1,
                    Instruction.constant(constant), Instruction.load(0), Instruction.binary(op, 0, 1));
            for (int size : SIZES) {
                Object b = TestValues.array(type, size, size, size, 2);
                compare(program, op + " " + type + " " + constant + " op x size " + size, size, b);
            }
            FusedEvaluation.assertGenerated(program, InputAccess.ARRAY);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT32", "FLOAT64"})
    void whereOfArraysMatches(DataType type) {
        ElementwiseProgram program = program(type, 3, Instruction.load(0), Instruction.load(1),
                Instruction.load(2), Instruction.where(0, 1, 2));
        for (int size : SIZES) {
            Object condition = TestValues.conditions(type, size, size);
            Object ifTrue = TestValues.array(type, size, size, 0, 2);
            Object ifFalse = TestValues.array(type, size, size + 7, 3, 2);
            compare(program, "where " + type + " size " + size, size, condition, ifTrue, ifFalse);
        }
        FusedEvaluation.assertGenerated(program, InputAccess.ARRAY, InputAccess.ARRAY, InputAccess.ARRAY);
    }

    @ParameterizedTest
    @MethodSource("binaryCases")
    void whereOfComparisonMatches(BinaryOp op, DataType type) {
        if (!op.isComparison()) {
            return;
        }
        // The comparison's result feeds only the condition, so the kernel selects by its mask.
        ElementwiseProgram program = program(type, 2, Instruction.load(0), Instruction.load(1),
                Instruction.binary(op, 0, 1), Instruction.where(2, 0, 1));
        for (int size : SIZES) {
            Object a = TestValues.array(type, size, size, 0, 2);
            Object b = TestValues.array(type, size, size + 3, 4, 3);
            compare(program, "where(" + op + ") " + type + " size " + size, size, a, b);
        }
        FusedEvaluation.assertGenerated(program, InputAccess.ARRAY, InputAccess.ARRAY);
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT32", "FLOAT64"})
    void whereOfConstantsMatches(DataType type) {
        for (double constant : CONSTANTS) {
            ElementwiseProgram program = program(type, 1, Instruction.constant(constant), Instruction.load(0),
                    Instruction.constant(-3.0), Instruction.where(0, 1, 2));
            for (int size : SIZES) {
                Object x = TestValues.array(type, size, size, 1, 2);
                compare(program, "where(" + constant + ") " + type + " size " + size, size, x);
            }
        }
    }

    static ElementwiseProgram program(DataType type, int inputs, Instruction... instructions) {
        return new ElementwiseProgram(type, List.of(instructions), inputs);
    }

    private static void compare(ElementwiseProgram program, String context, int size, Object... inputs) {
        Object expected = FusedEvaluation.evaluate(INTERPRETED, program, size, inputs);
        Object actual = FusedEvaluation.evaluate(GENERATED, program, size, inputs);
        FusedEvaluation.assertSameBits(expected, actual, context);
    }
}
