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
import org.cortexj.backend.cpu.CpuBackend;
import org.cortexj.backend.cpu.SimdSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Transcendental expressions once C2 has compiled both paths. Until then the Vector API
 * evaluates exp, tanh and log1p with Math's scalar functions, which give the scalar kernels'
 * values. Compiled, it uses vectorized approximations that differ in the last place. The test
 * repeats both evaluations until both differ from the scalar kernels, which shows that both
 * run compiled vector code, and then requires equal bits.
 */
class CompiledAgreementTest {

    static final CpuBackend SCALAR = new CpuBackend(1, false, false);

    /** Upper bound on the wait for the JIT; a healthy run needs a few hundred evaluations. */
    static final long DEADLINE_NANOS = 120_000_000_000L;

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
                Arguments.of("log1p float64", unary(DataType.FLOAT64, UnaryOp.LOG1P)));
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void compiledPathsGiveEqualBits(String name, ElementwiseProgram program) {
        int size = 4 * FusedEvaluation.CHUNK + 37;
        Object x = TestValues.array(program.dataType(), size, 17, 0, 11);
        if (program.instructions().get(1).unary() == UnaryOp.LOG1P) {
            x = absolute(x);
        }
        Object scalar = FusedEvaluation.evaluate(SCALAR, program, size, x);
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        Object interpreted = null;
        Object generated = null;
        boolean bothCompiled = false;
        while (System.nanoTime() < deadline) {
            interpreted = FusedEvaluation.evaluate(INTERPRETED, program, size, x);
            generated = FusedEvaluation.evaluate(GENERATED, program, size, x);
            bothCompiled = !equalBits(interpreted, scalar) && !equalBits(generated, scalar);
            if (bothCompiled && equalBits(interpreted, generated)) {
                return;
            }
        }
        assumeTrue(bothCompiled, name + ": the JIT did not compile both paths to vector code in time");
        FusedEvaluation.assertSameBits(interpreted, generated, name + " once compiled");
    }

    private static boolean equalBits(Object a, Object b) {
        try {
            FusedEvaluation.assertSameBits(a, b, "");
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    private static Object absolute(Object values) {
        if (values instanceof float[] floats) {
            float[] result = new float[floats.length];
            for (int i = 0; i < floats.length; i++) {
                result[i] = Math.abs(floats[i]);
            }
            return result;
        }
        double[] doubles = (double[]) values;
        double[] result = new double[doubles.length];
        for (int i = 0; i < doubles.length; i++) {
            result[i] = Math.abs(doubles[i]);
        }
        return result;
    }
}
