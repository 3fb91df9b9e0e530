package org.cortexj.backend.cpu.codegen;

import static org.cortexj.backend.cpu.codegen.FusedEvaluation.GENERATED;
import static org.cortexj.backend.cpu.codegen.FusedEvaluation.GENERATED_TWO_WORKERS;
import static org.cortexj.backend.cpu.codegen.FusedEvaluation.INTERPRETED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.cortexj.backend.BinaryOp;
import org.cortexj.backend.Buffer;
import org.cortexj.backend.DataType;
import org.cortexj.backend.ElementwiseProgram;
import org.cortexj.backend.ElementwiseProgram.Instruction;
import org.cortexj.backend.Layout;
import org.cortexj.backend.UnaryOp;
import org.cortexj.backend.cpu.CpuBackend;
import org.cortexj.backend.cpu.CpuBuffer;
import org.cortexj.backend.cpu.SimdSupport;
import org.cortexj.backend.cpu.codegen.FusedEvaluation.Input;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Inputs read in place, broadcast, strided or converted, and outputs that are runs or
 * strided. Also programs whose result is a load or a constant, several workers, and in-place
 * updates.
 */
class InputAccessAgreementTest {

    static final int[] SIZES = {0, 1, 2, 7, 8, 9, 15, 16, 17, 31, 33, 70, 1023, 1024, 1025, 3000};

    @BeforeAll
    static void requireVectorApi() {
        assumeTrue(SimdSupport.enabled(), "generated kernels need the jdk.incubator.vector module");
        assumeTrue(FusedKernels.enabled(), "generated kernels are off: -Dcortexj.codegen=false");
    }

    /** where(x > 0, x, x·a − a) · l + y, a SELU-like expression of exactly rounded operators. */
    static ElementwiseProgram seluLike(DataType type) {
        return new ElementwiseProgram(type, List.of(
                Instruction.load(0), Instruction.constant(0), Instruction.binary(BinaryOp.GT, 0, 1),
                Instruction.constant(1.6732632423543772), Instruction.binary(BinaryOp.MUL, 0, 3),
                Instruction.binary(BinaryOp.SUB, 4, 3), Instruction.where(2, 0, 5),
                Instruction.constant(1.0507009873554805), Instruction.binary(BinaryOp.MUL, 6, 7),
                Instruction.load(1), Instruction.binary(BinaryOp.ADD, 8, 9)), 2);
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT32", "FLOAT64"})
    void broadcastInputMatches(DataType type) {
        ElementwiseProgram program = seluLike(type);
        Object scalarSource = TestValues.array(type, 5, 1, 7, 1);
        for (int size : SIZES) {
            Input x = Input.contiguous(TestValues.array(type, size, size, 0, 2));
            Input y = new Input(scalarSource, new Layout(new int[] {size}, new int[] {0}, 3));
            compare(program, Layout.contiguous(size), size, "broadcast y, " + type + " size " + size, x, y);
        }
        FusedEvaluation.assertGenerated(program, InputAccess.ARRAY, InputAccess.BROADCAST);
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT32", "FLOAT64"})
    void stridedInputMatches(DataType type) {
        ElementwiseProgram program = seluLike(type);
        for (int size : SIZES) {
            Input x = new Input(TestValues.array(type, 2 * size + 1, size, 0, 2), new Layout(new int[] {size}, new int[] {2}, 1));
            Input y = Input.contiguous(TestValues.array(type, size, size + 9, 4, 3));
            compare(program, Layout.contiguous(size), size, "strided x, " + type + " size " + size, x, y);
        }
        FusedEvaluation.assertGenerated(program, InputAccess.ARRAY, InputAccess.ARRAY);
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT32", "FLOAT64"})
    void convertedInputsMatch(DataType type) {
        DataType other = type == DataType.FLOAT32 ? DataType.FLOAT64 : DataType.FLOAT32;
        ElementwiseProgram program = seluLike(type);
        for (int size : SIZES) {
            Input x = Input.contiguous(TestValues.array(other, size, size, 0, 2));
            int[] labels = new int[size];
            for (int i = 0; i < size; i++) {
                labels[i] = (i * 7919) % 23 - 11;
            }
            Input y = Input.contiguous(labels);
            compare(program, Layout.contiguous(size), size, "converted inputs, " + type + " size " + size, x, y);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT32", "FLOAT64"})
    void offsetInputsMatch(DataType type) {
        ElementwiseProgram program = seluLike(type);
        for (int size : SIZES) {
            Input x = new Input(TestValues.array(type, size + 5, size, 0, 2), new Layout(new int[] {size}, new int[] {1}, 5));
            Input y = new Input(TestValues.array(type, size + 3, size + 1, 2, 3), new Layout(new int[] {size}, new int[] {1}, 3));
            compare(program, new Layout(new int[] {size}, new int[] {1}, 2), size + 2,
                    "offset inputs and output, " + type + " size " + size, x, y);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT32", "FLOAT64"})
    void stridedOutputMatches(DataType type) {
        ElementwiseProgram program = seluLike(type);
        int[][] shapes = {{3, 5}, {33, 31}, {40, 64}, {64, 40}};
        for (int[] shape : shapes) {
            int size = shape[0] * shape[1];
            Layout transposed = new Layout(shape, new int[] {1, shape[0]}, 0);
            Input x = new Input(TestValues.array(type, size, size, 0, 2), Layout.contiguous(shape));
            Input y = new Input(TestValues.array(type, size, size + 2, 6, 3), Layout.contiguous(shape));
            compare(program, transposed, size, "transposed output, " + type + " shape " + shape[0] + "x" + shape[1], x, y);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT32", "FLOAT64"})
    void loadAndConstantResultsMatch(DataType type) {
        ElementwiseProgram copy = new ElementwiseProgram(type, List.of(Instruction.load(0)), 1);
        ElementwiseProgram constant = new ElementwiseProgram(type, List.of(Instruction.constant(-2.75)), 0);
        ElementwiseProgram unused = new ElementwiseProgram(type, List.of(Instruction.load(0),
                Instruction.unary(UnaryOp.SQRT, 0), Instruction.constant(Double.NaN)), 1);
        for (int size : SIZES) {
            Object values = TestValues.array(type, size, size, 0, 2);
            Object other = TestValues.array(type == DataType.FLOAT32 ? DataType.FLOAT64 : DataType.FLOAT32, size, size, 0, 2);
            Layout out = Layout.contiguous(size);
            compare(copy, out, size, "copy run, " + type + " size " + size, Input.contiguous(values));
            compare(copy, out, size, "copy converted, " + type + " size " + size, Input.contiguous(other));
            compare(copy, out, size, "copy broadcast, " + type + " size " + size,
                    new Input(values.getClass() == float[].class ? new float[] {-0f} : new double[] {-0.0},
                            new Layout(new int[] {size}, new int[] {0}, 0)));
            compare(unused, out, size, "unused registers, " + type + " size " + size, Input.contiguous(values));
        }
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT32", "FLOAT64"})
    void constantProgramFillsOutput(DataType type) {
        ElementwiseProgram constant = new ElementwiseProgram(type, List.of(Instruction.constant(-2.75)), 0);
        for (int size : SIZES) {
            Object interpreted = FusedEvaluation.evaluate(INTERPRETED, constant, Layout.contiguous(size), size);
            Object generated = FusedEvaluation.evaluate(GENERATED, constant, Layout.contiguous(size), size);
            for (int i = 0; i < size; i++) {
                assertEquals(-2.75, valueAt(interpreted, i), "interpreted constant " + type + " size " + size + ", element " + i);
                assertEquals(-2.75, valueAt(generated, i), "generated constant " + type + " size " + size + ", element " + i);
            }
        }
        FusedEvaluation.assertGenerated(constant);
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT32", "FLOAT64"})
    void workerCountLeavesResultsUnchanged(DataType type) {
        ElementwiseProgram program = seluLike(type);
        int size = 70_000 + 13;
        Input x = Input.contiguous(TestValues.array(type, size, 11, 0, 5));
        Input y = Input.contiguous(TestValues.array(type, size, 12, 3, 7));
        Input strided = new Input(TestValues.array(type, 2 * size, 13, 1, 3), new Layout(new int[] {size}, new int[] {2}, 0));
        Layout out = Layout.contiguous(size);
        Object interpreted = FusedEvaluation.evaluate(INTERPRETED, program, out, size, x, y);
        FusedEvaluation.assertSameBits(interpreted, FusedEvaluation.evaluate(GENERATED, program, out, size, x, y),
                "one worker");
        FusedEvaluation.assertSameBits(interpreted,
                FusedEvaluation.evaluate(GENERATED_TWO_WORKERS, program, out, size, x, y), "two workers");
        Object gathered = FusedEvaluation.evaluate(INTERPRETED, program, out, size, strided, y);
        FusedEvaluation.assertSameBits(gathered,
                FusedEvaluation.evaluate(GENERATED_TWO_WORKERS, program, out, size, strided, y), "two workers, strided x");
    }

    @Test
    void inPlaceUpdateMatches() {
        // x = x · 0.5 + y, writing into x's own buffer as addInPlace-style updates do.
        ElementwiseProgram program = new ElementwiseProgram(DataType.FLOAT32, List.of(
                Instruction.load(0), Instruction.constant(0.5), Instruction.binary(BinaryOp.MUL, 0, 1),
                Instruction.load(1), Instruction.binary(BinaryOp.ADD, 2, 3)), 2);
        for (int size : SIZES) {
            float[] x = (float[]) TestValues.array(DataType.FLOAT32, size, size, 0, 2);
            float[] y = (float[]) TestValues.array(DataType.FLOAT32, size, size + 4, 2, 3);
            float[] expected = updateInPlace(INTERPRETED, program, x.clone(), y);
            float[] actual = updateInPlace(GENERATED, program, x.clone(), y);
            FusedEvaluation.assertSameBits(expected, actual, "in place, size " + size);
        }
    }

    @Test
    void cachedKernelServesNewConstants() {
        // The same structure with other constants reuses the cached kernel and still matches.
        for (double alpha : new double[] {1.5, -0.25, Double.NaN, 0.0}) {
            ElementwiseProgram program = new ElementwiseProgram(DataType.FLOAT64, List.of(
                    Instruction.load(0), Instruction.constant(alpha), Instruction.binary(BinaryOp.SUB, 0, 1),
                    Instruction.constant(alpha * 3), Instruction.binary(BinaryOp.DIV, 2, 3)), 1);
            Input x = Input.contiguous(TestValues.array(DataType.FLOAT64, 77, 5, 0, 2));
            compare(program, Layout.contiguous(77), 77, "alpha " + alpha, x);
        }
    }

    private static double valueAt(Object array, int i) {
        return array instanceof float[] floats ? floats[i] : ((double[]) array)[i];
    }

    private static float[] updateInPlace(CpuBackend backend, ElementwiseProgram program, float[] x, float[] y) {
        Buffer target = backend.wrap(x);
        Layout layout = Layout.contiguous(x.length);
        backend.evaluate(program, target, layout, new Buffer[] {target, backend.wrap(y)}, new Layout[] {layout, layout});
        return ((CpuBuffer) target).floats();
    }

    private static void compare(ElementwiseProgram program, Layout outputLayout, int outputLength, String context,
                                Input... inputs) {
        Object expected = FusedEvaluation.evaluate(INTERPRETED, program, outputLayout, outputLength, inputs);
        Object actual = FusedEvaluation.evaluate(GENERATED, program, outputLayout, outputLength, inputs);
        assertEquals(java.lang.reflect.Array.getLength(expected), outputLength, context + ": output length");
        FusedEvaluation.assertSameBits(expected, actual, context);
    }
}
