package org.cortexj.backend.cpu.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.cortexj.backend.BinaryOp;
import org.cortexj.backend.DataType;
import org.cortexj.backend.ElementwiseProgram;
import org.cortexj.backend.ElementwiseProgram.Instruction;
import org.cortexj.backend.Layout;
import org.cortexj.backend.UnaryOp;
import org.cortexj.backend.cpu.CpuBackend;
import org.cortexj.backend.cpu.ScalarElementwiseKernels;
import org.cortexj.backend.cpu.SimdSupport;
import org.junit.jupiter.api.Test;

/** The switch, the fallback for programs that cannot be generated, and the scalar operator methods. */
class FusedKernelsTest {

    @Test
    void propertyFalseTurnsGenerationOff() {
        assertFalse(FusedKernels.enabledBy("false"));
        assertFalse(FusedKernels.enabledBy("FALSE"));
        assertTrue(FusedKernels.enabledBy(null), "unset");
        assertTrue(FusedKernels.enabledBy("true"));
    }

    @Test
    void generationNeedsRequestAndVectorKernels() {
        assertEquals(FusedKernels.enabled(), FusedKernels.use(true, true));
        assertFalse(FusedKernels.use(true, false), "scalar kernels");
        assertFalse(FusedKernels.use(false, true), "not requested");
    }

    @Test
    void recurringStructureGetsKernel() {
        assumeTrue(SimdSupport.enabled(), "generated kernels need the jdk.incubator.vector module");
        assumeTrue(FusedKernels.enabled(), "generated kernels are off: -Dcortexj.codegen=false");
        ElementwiseProgram program = longChain(DataType.FLOAT64, 7);
        InputAccess[] accesses = {InputAccess.ARRAY};
        KernelKey key = KernelKey.of(program, accesses);
        Object x = TestValues.array(DataType.FLOAT64, 100, 9, 0, 3);
        Object expected = FusedEvaluation.evaluate(FusedEvaluation.INTERPRETED, program, 100, x);
        try {
            FusedKernels.cache().generateAfter(3);
            for (int evaluation = 1; evaluation <= 4; evaluation++) {
                Object actual = FusedEvaluation.evaluate(FusedEvaluation.GENERATED, program, 100, x);
                FusedEvaluation.assertSameBits(expected, actual, "evaluation " + evaluation);
                assertEquals(evaluation >= 3, FusedKernels.cache().containsKernel(key),
                        "kernel present after evaluation " + evaluation);
            }
        } finally {
            FusedEvaluation.generateOnFirstUse();
        }
    }

    @Test
    void oversizedProgramFallsBackToInterpreter() {
        assumeTrue(SimdSupport.enabled(), "generated kernels need the jdk.incubator.vector module");
        FusedEvaluation.generateOnFirstUse();
        ElementwiseProgram program = longChain(DataType.FLOAT32, 1500);
        assertThrows(UnsupportedProgramException.class,
                () -> KernelClassGenerator.generate(KernelKey.of(program, new InputAccess[] {InputAccess.ARRAY}), 8));
        assertNull(FusedKernels.lookup(program, new InputAccess[] {InputAccess.ARRAY}));

        int size = 1500;
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (i - 700) / 64f;
        }
        Object interpreted = FusedEvaluation.evaluate(FusedEvaluation.INTERPRETED, program, size, (Object) x);
        Object generated = FusedEvaluation.evaluate(FusedEvaluation.GENERATED, program, size, (Object) x);
        FusedEvaluation.assertSameBits(interpreted, generated, "1500-instruction chain");
    }

    @Test
    void programJustBelowLimitIsGenerated() {
        assumeTrue(SimdSupport.enabled(), "generated kernels need the jdk.incubator.vector module");
        FusedEvaluation.generateOnFirstUse();
        ElementwiseProgram program = longChain(DataType.FLOAT64, 120);
        assertNotNull(FusedKernels.lookup(program, new InputAccess[] {InputAccess.ARRAY}));
        Object x = TestValues.array(DataType.FLOAT64, 300, 3, 0, 4);
        FusedEvaluation.assertSameBits(FusedEvaluation.evaluate(FusedEvaluation.INTERPRETED, program, 300, x),
                FusedEvaluation.evaluate(FusedEvaluation.GENERATED, program, 300, x), "120-instruction chain");
    }

    @Test
    void scalarBackendInterpretsPrograms() {
        CpuBackend scalar = new CpuBackend(1, false, true);
        ElementwiseProgram program = new ElementwiseProgram(DataType.FLOAT64, List.of(Instruction.load(0),
                Instruction.constant(2), Instruction.binary(BinaryOp.MUL, 0, 1)), 1);
        double[] out = (double[]) FusedEvaluation.evaluate(scalar, program, Layout.contiguous(3), 3,
                FusedEvaluation.Input.contiguous(new double[] {1, -2.5, 4}));
        assertEquals(2.0, out[0]);
        assertEquals(-5.0, out[1]);
        assertEquals(8.0, out[2]);
    }

    @Test
    void everyOperatorHasScalarMethods() throws NoSuchMethodException {
        for (Class<?> ops : new Class<?>[] {ScalarFloatOps.class, ScalarDoubleOps.class}) {
            Class<?> element = ops == ScalarFloatOps.class ? float.class : double.class;
            for (UnaryOp op : UnaryOp.values()) {
                Method method = ops.getDeclaredMethod(ScalarStepEmitter.methodName(op), element);
                assertTrue(Modifier.isStatic(method.getModifiers()), method.toString());
                assertEquals(element, method.getReturnType(), method.toString());
            }
            for (BinaryOp op : BinaryOp.values()) {
                Method method = ops.getDeclaredMethod(ScalarStepEmitter.methodName(op), element, element);
                assertEquals(element, method.getReturnType(), method.toString());
            }
            assertEquals(element, ops.getDeclaredMethod("where", element, element, element).getReturnType());
        }
    }

    @Test
    void scalarMethodsMatchScalarKernels() throws ReflectiveOperationException {
        ScalarElementwiseKernels kernels = new ScalarElementwiseKernels();
        float[] a = ((float[]) TestValues.array(DataType.FLOAT32, 300, 1, 0, 1)).clone();
        float[] b = ((float[]) TestValues.array(DataType.FLOAT32, 300, 2, 7, 2)).clone();
        double[] c = (double[]) TestValues.array(DataType.FLOAT64, 300, 3, 0, 1);
        double[] d = (double[]) TestValues.array(DataType.FLOAT64, 300, 4, 5, 2);
        for (UnaryOp op : UnaryOp.values()) {
            String name = ScalarStepEmitter.methodName(op);
            float[] floats = new float[a.length];
            double[] doubles = new double[c.length];
            kernels.unary(op, a, 0, floats, 0, a.length);
            kernels.unary(op, c, 0, doubles, 0, c.length);
            Method floatMethod = ScalarFloatOps.class.getDeclaredMethod(name, float.class);
            Method doubleMethod = ScalarDoubleOps.class.getDeclaredMethod(name, double.class);
            for (int i = 0; i < a.length; i++) {
                assertEquals(floats[i], (float) floatMethod.invoke(null, a[i]), op + "(" + a[i] + ")");
                assertEquals(doubles[i], (double) doubleMethod.invoke(null, c[i]), op + "(" + c[i] + ")");
            }
        }
        for (BinaryOp op : BinaryOp.values()) {
            String name = ScalarStepEmitter.methodName(op);
            float[] floats = new float[a.length];
            double[] doubles = new double[c.length];
            kernels.binary(op, a, 0, b, 0, floats, 0, a.length);
            kernels.binary(op, c, 0, d, 0, doubles, 0, c.length);
            Method floatMethod = ScalarFloatOps.class.getDeclaredMethod(name, float.class, float.class);
            Method doubleMethod = ScalarDoubleOps.class.getDeclaredMethod(name, double.class, double.class);
            for (int i = 0; i < a.length; i++) {
                assertEquals(floats[i], (float) floatMethod.invoke(null, a[i], b[i]), op + "(" + a[i] + ", " + b[i] + ")");
                assertEquals(doubles[i], (double) doubleMethod.invoke(null, c[i], d[i]), op + "(" + c[i] + ", " + d[i] + ")");
            }
        }
    }

    @Test
    void methodNamesFollowOperatorNames() {
        assertEquals("neg", ScalarStepEmitter.methodName(UnaryOp.NEG));
        assertEquals("log1p", ScalarStepEmitter.methodName(UnaryOp.LOG1P));
        assertEquals("mulNoNan", ScalarStepEmitter.methodName(BinaryOp.MUL_NO_NAN));
    }

    /** x, then alternately x·1.0001 and x − 0.5 for {@code length} − 1 steps. */
    static ElementwiseProgram longChain(DataType type, int length) {
        List<Instruction> instructions = new ArrayList<>();
        instructions.add(Instruction.load(0));
        instructions.add(Instruction.constant(1.0001));
        instructions.add(Instruction.constant(0.5));
        while (instructions.size() < length) {
            int last = instructions.size() - 1;
            BinaryOp op = instructions.size() % 2 == 0 ? BinaryOp.MUL : BinaryOp.SUB;
            instructions.add(Instruction.binary(op, last == 2 ? 0 : last, op == BinaryOp.MUL ? 1 : 2));
        }
        return new ElementwiseProgram(type, instructions, 1);
    }
}
