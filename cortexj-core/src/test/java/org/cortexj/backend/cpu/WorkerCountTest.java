package org.cortexj.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.cortexj.backend.Backend;
import org.cortexj.backend.DataType;
import org.cortexj.tensor.DefaultBackend;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Results of the CPU backend must not depend on how many worker threads compute them. */
class WorkerCountTest {

    /** Element count above 2^16, so the evaluator splits the work over the workers. */
    private static final int SIZE = (1 << 17) + 12_345;

    @Test
    void fusedChainIdenticalAcrossWorkers() {
        for (DataType type : new DataType[] {DataType.FLOAT32, DataType.FLOAT64}) {
            Supplier<double[]> chain = () -> {
                Tensor x = Tensor.normal(new Generator(31), 0, 3, type, SIZE);
                Tensor y = Tensor.where(x.gt(0), x.exp().log1p(), x.tanh().mul(x))
                        .sigmoid()
                        .add(x.square().sqrt())
                        .sub(x.abs().pow(0.75))
                        .div(x.maximum(-1).add(2));
                return y.toDoubleArray();
            };

            double[] one = runWith(1, chain);
            double[] two = runWith(2, chain);
            double[] three = runWith(3, chain);

            assertArrayEquals(one, two, type + ": 1 and 2 workers");
            assertArrayEquals(one, three, type + ": 1 and 3 workers");
        }
    }

    @Test
    void stridedAndBroadcastInputsIdentical() {
        Supplier<double[]> chain = () -> {
            Tensor x = Tensor.uniform(new Generator(32), -2, 2, DataType.FLOAT32, 400, 500);
            Tensor row = Tensor.uniform(new Generator(33), -1, 1, DataType.FLOAT32, 400);
            Tensor transposed = x.transpose(0, 1);
            Tensor reversed = x.slice(1, -1, -501, -1).transpose(0, 1);
            return transposed.mul(row).add(reversed.exp()).toDoubleArray();
        };

        assertArrayEquals(runWith(1, chain), runWith(2, chain));
    }

    @Test
    void copiesAndReductionsIdentical() {
        Supplier<double[]> work = () -> {
            Tensor x = Tensor.uniform(new Generator(34), -1, 1, DataType.FLOAT32, 300, 700);
            Tensor copied = x.transpose(0, 1).contiguous();
            Tensor sums = copied.sum(1);
            double total = x.sum().item();
            double[] result = new double[sums.size() + 1];
            System.arraycopy(sums.toDoubleArray(), 0, result, 0, sums.size());
            result[sums.size()] = total;
            return result;
        };

        assertArrayEquals(runWith(1, work), runWith(2, work));
    }

    @Test
    void scalarAndVectorBackendsAgree() {
        Supplier<double[]> arithmetic = () -> {
            Tensor x = Tensor.normal(new Generator(35), 0, 3, DataType.FLOAT32, SIZE);
            Tensor y = Tensor.where(x.gt(0), x.sqrt(), x.square().neg())
                    .mul(x.maximum(0.5))
                    .div(x.abs().add(1))
                    .sub(x.minimum(-0.5).reciprocal());
            return y.toDoubleArray();
        };

        double[] scalar = runWith(new CpuBackend(2, false), arithmetic);
        double[] vector = runWith(new CpuBackend(2, true), arithmetic);

        assertArrayEquals(scalar, vector);
    }

    @Test
    void backendsReportTheirConfiguration() {
        CpuBackend scalar = new CpuBackend(1, false);
        CpuBackend vector = new CpuBackend(2, true);

        assertEquals(1, scalar.workers());
        assertEquals(2, vector.workers());
        assertEquals("scalar", scalar.elementwiseKernels().name());
        assertEquals(SimdSupport.enabled(), vector.elementwiseKernels().name().startsWith("vector"));
        assertTrue(vector.description().contains("2 workers"), vector.description());
    }

    private static double[] runWith(int workers, Supplier<double[]> work) {
        return runWith(new CpuBackend(workers, true), work);
    }

    private static double[] runWith(Backend backend, Supplier<double[]> work) {
        Backend previous = DefaultBackend.get();
        DefaultBackend.set(backend);
        try {
            return work.get();
        } finally {
            DefaultBackend.set(previous);
        }
    }
}
