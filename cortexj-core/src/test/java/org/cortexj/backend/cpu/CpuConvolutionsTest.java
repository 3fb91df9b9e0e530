package org.cortexj.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.cortexj.backend.Buffer;
import org.cortexj.backend.ConvGeometry;
import org.cortexj.backend.DataType;
import org.cortexj.backend.PoolGeometry;
import org.cortexj.backend.Window2d;
import org.junit.jupiter.api.Test;

/**
 * The convolution and pooling methods of the CPU backend give bit-identical results with one
 * worker and with several, on inputs large enough to run on the fork-join pool.
 */
class CpuConvolutionsTest {

    private static final CpuBackend SERIAL = new CpuBackend(1, false);
    private static final CpuBackend PARALLEL = new CpuBackend(4, false);

    private static final ConvGeometry CONV = new ConvGeometry(4, 8, 32, 33, Window2d.square(3, 2, 1, 1));
    private static final PoolGeometry POOL = new PoolGeometry(4, 8, 32, 33, Window2d.square(3, 2, 1, 1), true);

    private static double[] random(int size, long seed) {
        Random random = new Random(seed);
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = random.nextGaussian();
        }
        return values;
    }

    private static float[] toFloats(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }

    private static double[] doubles(Buffer buffer) {
        return CpuBuffer.cast(buffer).doubles();
    }

    @Test
    void inputIsAboveParallelThreshold() {
        assertTrue(CONV.inputSize() >= CpuConvolutions.PARALLEL_THRESHOLD, "conv input " + CONV.inputSize());
        assertTrue(POOL.inputSize() >= CpuConvolutions.PARALLEL_THRESHOLD, "pool input " + POOL.inputSize());
    }

    @Test
    void im2colAndCol2imIgnoreWorkerCount() {
        double[] x = random(CONV.inputSize(), 1);
        double[][] results = new double[2][];
        CpuBackend[] backends = {SERIAL, PARALLEL};
        for (int b = 0; b < 2; b++) {
            Buffer col = backends[b].allocate(DataType.FLOAT64, CONV.columnSize());
            backends[b].im2col(backends[b].wrap(x.clone()), CONV, col);
            Buffer dx = backends[b].allocate(DataType.FLOAT64, CONV.inputSize());
            backends[b].col2im(col, CONV, dx);
            results[b] = doubles(dx);
        }

        assertArrayEquals(results[0], results[1], 0);
    }

    @Test
    void maxPoolIgnoresWorkerCount() {
        double[] x = random(POOL.inputSize(), 2);
        double[] dy = random(POOL.outputSize(), 3);
        double[][] results = new double[2][];
        int[][] indices = new int[2][];
        CpuBackend[] backends = {SERIAL, PARALLEL};
        for (int b = 0; b < 2; b++) {
            Buffer y = backends[b].allocate(DataType.FLOAT64, POOL.outputSize());
            Buffer winners = backends[b].allocate(DataType.INT32, POOL.outputSize());
            backends[b].maxPool2d(backends[b].wrap(x.clone()), POOL, y, winners);
            Buffer dx = backends[b].allocate(DataType.FLOAT64, POOL.inputSize());
            backends[b].maxPool2dBackward(backends[b].wrap(dy.clone()), winners, POOL, dx);
            results[b] = doubles(dx);
            indices[b] = CpuBuffer.cast(winners).ints();
        }

        assertArrayEquals(indices[0], indices[1]);
        assertArrayEquals(results[0], results[1], 0);
    }

    @Test
    void float32AvgPoolIgnoresWorkerCount() {
        float[] x = toFloats(random(POOL.inputSize(), 4));
        float[] dy = toFloats(random(POOL.outputSize(), 5));
        float[][] outputs = new float[2][];
        float[][] gradients = new float[2][];
        CpuBackend[] backends = {SERIAL, PARALLEL};
        for (int b = 0; b < 2; b++) {
            Buffer y = backends[b].allocate(DataType.FLOAT32, POOL.outputSize());
            backends[b].avgPool2d(backends[b].wrap(x.clone()), POOL, false, y);
            Buffer dx = backends[b].allocate(DataType.FLOAT32, POOL.inputSize());
            backends[b].avgPool2dBackward(backends[b].wrap(dy.clone()), POOL, false, dx);
            outputs[b] = CpuBuffer.cast(y).floats();
            gradients[b] = CpuBuffer.cast(dx).floats();
        }

        assertArrayEquals(outputs[0], outputs[1], 0);
        assertArrayEquals(gradients[0], gradients[1], 0);
    }

    @Test
    void mixedBufferTypesAreRejected() {
        ConvGeometry small = new ConvGeometry(1, 1, 3, 3, Window2d.square(2));
        Buffer x = SERIAL.allocate(DataType.FLOAT32, small.inputSize());
        Buffer col = SERIAL.allocate(DataType.FLOAT64, small.columnSize());

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SERIAL.im2col(x, small, col));

        assertEquals("cpu backend im2col: buffers must all be float32 or all float64, got float32, float64; "
                + "convert the tensors to one type", error.getMessage());
    }
}
