package org.cortexj.backend.cpu.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import org.cortexj.backend.Buffer;
import org.cortexj.backend.DataType;
import org.cortexj.backend.ElementwiseProgram;
import org.cortexj.backend.Layout;
import org.cortexj.backend.cpu.CpuBackend;
import org.cortexj.backend.cpu.CpuBuffer;

/**
 * Runs one program through the interpreter and through its generated kernel, on copies of the
 * same inputs, and compares the outputs.
 *
 * <p>Comparisons treat every NaN as equal to every other NaN. JDK 17 sets the sign of a NaN
 * differently in interpreted and JIT-compiled code (the Vector API's {@code abs()} keeps the
 * sign bit of a NaN until C2 compiles it, then clears it), so the sign and payload of a NaN
 * depend on the JIT state of each path, not on what the kernels compute.
 */
final class FusedEvaluation {

    /** Elements per chunk of the evaluator; the vector/tail split restarts in every chunk. */
    static final int CHUNK = 1024;

    static {
        generateOnFirstUse();
    }

    static final CpuBackend INTERPRETED = new CpuBackend(1, true, false);
    static final CpuBackend GENERATED = new CpuBackend(1, true, true);
    static final CpuBackend GENERATED_TWO_WORKERS = new CpuBackend(2, true, true);

    private FusedEvaluation() {
    }

    /**
     * Makes the shared cache generate a kernel on a structure's first evaluation, so that each
     * comparison runs the generated path. This holds for the rest of the test JVM.
     */
    static void generateOnFirstUse() {
        FusedKernels.cache().generateAfter(1);
    }

    /**
     * One input: a float[], double[] or int[] array and the layout through which the program
     * reads it, whose shape is the output shape.
     */
    record Input(Object array, Layout layout) {

        static Input contiguous(Object array) {
            return new Input(array, Layout.contiguous(java.lang.reflect.Array.getLength(array)));
        }
    }

    /**
     * Evaluates {@code program} on {@code backend} into a fresh output array of
     * {@code outputLength} elements, filled with a marker first, viewed through
     * {@code outputLayout}.
     */
    static Object evaluate(CpuBackend backend, ElementwiseProgram program, Layout outputLayout,
                           int outputLength, Input... inputs) {
        Buffer[] buffers = new Buffer[inputs.length];
        Layout[] layouts = new Layout[inputs.length];
        for (int k = 0; k < inputs.length; k++) {
            buffers[k] = wrap(backend, copy(inputs[k].array()));
            layouts[k] = inputs[k].layout();
        }
        Buffer output = backend.allocate(program.dataType(), outputLength);
        CpuBuffer cpu = (CpuBuffer) output;
        if (program.dataType() == DataType.FLOAT32) {
            Arrays.fill(cpu.floats(), -12345f);
        } else {
            Arrays.fill(cpu.doubles(), -12345.0);
        }
        backend.evaluate(program, output, outputLayout, buffers, layouts);
        return program.dataType() == DataType.FLOAT32 ? cpu.floats() : cpu.doubles();
    }

    /** Evaluates a program whose inputs and output are contiguous vectors of {@code size}. */
    static Object evaluate(CpuBackend backend, ElementwiseProgram program, int size, Object... inputs) {
        Input[] described = new Input[inputs.length];
        for (int k = 0; k < inputs.length; k++) {
            described[k] = new Input(inputs[k], Layout.contiguous(size));
        }
        return evaluate(backend, program, Layout.contiguous(size), size, described);
    }

    /** Asserts that the shared cache contains a generated kernel for {@code program} read as {@code accesses}. */
    static void assertGenerated(ElementwiseProgram program, InputAccess... accesses) {
        KernelKey key = KernelKey.of(program, accesses);
        assertTrue(FusedKernels.cache().containsKernel(key), "no cached kernel for " + program);
        assertNotNull(FusedKernels.lookup(program, accesses), "kernel generation failed for " + program);
    }

    /** Asserts equal bits at every index (any NaN equals any NaN), naming the first difference. */
    static void assertSameBits(Object expected, Object actual, String context) {
        int length = java.lang.reflect.Array.getLength(expected);
        assertEquals(length, java.lang.reflect.Array.getLength(actual), context + ": output length");
        for (int i = 0; i < length; i++) {
            if (!sameBits(expected, actual, i)) {
                fail(context + ": element " + i + " differs, interpreted " + describe(expected, i)
                        + ", generated " + describe(actual, i));
            }
        }
    }

    private static boolean sameBits(Object expected, Object actual, int i) {
        if (expected instanceof float[] e) {
            return Float.floatToIntBits(e[i]) == Float.floatToIntBits(((float[]) actual)[i]);
        }
        return Double.doubleToLongBits(((double[]) expected)[i]) == Double.doubleToLongBits(((double[]) actual)[i]);
    }

    private static String describe(Object array, int i) {
        if (array instanceof float[] f) {
            return f[i] + " (0x" + Integer.toHexString(Float.floatToRawIntBits(f[i])) + ")";
        }
        double d = ((double[]) array)[i];
        return d + " (0x" + Long.toHexString(Double.doubleToRawLongBits(d)) + ")";
    }

    private static Buffer wrap(CpuBackend backend, Object array) {
        if (array instanceof float[] floats) {
            return backend.wrap(floats);
        }
        if (array instanceof double[] doubles) {
            return backend.wrap(doubles);
        }
        return backend.wrap((int[]) array);
    }

    private static Object copy(Object array) {
        if (array instanceof float[] floats) {
            return floats.clone();
        }
        if (array instanceof double[] doubles) {
            return doubles.clone();
        }
        return ((int[]) array).clone();
    }
}
