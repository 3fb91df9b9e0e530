package org.cortexj.backend.cpu.codegen;

import static org.cortexj.backend.cpu.codegen.FusedEvaluation.GENERATED;
import static org.cortexj.backend.cpu.codegen.FusedEvaluation.INTERPRETED;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
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
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Transcendental programs evaluated a few hundred times on both paths, so that each moves from
 * the bytecode interpreter to C1 and C2 code at its own time. Every evaluation must give the
 * same bits, because the JIT state of either path must not show in the results.
 */
class RepeatedEvaluationTest {

    static final int ROUNDS = 200;

    @BeforeAll
    static void requireVectorApi() {
        assumeTrue(SimdSupport.enabled(), "generated kernels need the jdk.incubator.vector module");
        assumeTrue(FusedKernels.enabled(), "generated kernels are off: -Dcortexj.codegen=false");
    }

    static Stream<Arguments> programs() {
        return Stream.of(
                Arguments.of("selu float32", selu(DataType.FLOAT32)),
                Arguments.of("selu float64", selu(DataType.FLOAT64)),
                Arguments.of("tanh float32", unary(DataType.FLOAT32, UnaryOp.TANH)),
                Arguments.of("sigmoid float64", unary(DataType.FLOAT64, UnaryOp.SIGMOID)),
                Arguments.of("log1p(expm1) float32", twoUnary(DataType.FLOAT32, UnaryOp.EXPM1, UnaryOp.LOG1P)),
                Arguments.of("log float64", unary(DataType.FLOAT64, UnaryOp.LOG)));
    }

    /** where(x > 0, x, α·exp(x) − α) · λ with the SELU constants. */
    static ElementwiseProgram selu(DataType type) {
        return new ElementwiseProgram(type, List.of(
                Instruction.load(0), Instruction.constant(0), Instruction.binary(BinaryOp.GT, 0, 1),
                Instruction.unary(UnaryOp.EXP, 0), Instruction.constant(1.6732632423543772),
                Instruction.binary(BinaryOp.MUL, 3, 4), Instruction.binary(BinaryOp.SUB, 5, 4),
                Instruction.where(2, 0, 6), Instruction.constant(1.0507009873554805),
                Instruction.binary(BinaryOp.MUL, 7, 8)), 1);
    }

    static ElementwiseProgram unary(DataType type, UnaryOp op) {
        return new ElementwiseProgram(type, List.of(Instruction.load(0), Instruction.unary(op, 0)), 1);
    }

    static ElementwiseProgram twoUnary(DataType type, UnaryOp first, UnaryOp second) {
        return new ElementwiseProgram(type, List.of(Instruction.load(0), Instruction.unary(first, 0),
                Instruction.unary(second, 1)), 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void repeatedEvaluationsAgree(String name, ElementwiseProgram program) {
        int size = 2 * FusedEvaluation.CHUNK + 37;
        Object x = TestValues.array(program.dataType(), size, 17, 0, 11);
        for (int round = 0; round < ROUNDS; round++) {
            Object interpreted = FusedEvaluation.evaluate(INTERPRETED, program, size, x);
            Object generated = FusedEvaluation.evaluate(GENERATED, program, size, x);
            FusedEvaluation.assertSameBits(interpreted, generated, name + ", round " + round);
        }
        FusedEvaluation.assertGenerated(program, InputAccess.ARRAY);
    }
}
