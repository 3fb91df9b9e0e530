package org.cortexj.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;
import org.cortexj.backend.cpu.CpuBackend;
import org.cortexj.tensor.DefaultBackend;
import org.cortexj.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * float32 matrix products: {@code Tensor.matmul} against a direct OpenBLAS {@code cblas_sgemm}
 * call on off-heap memory, which is the ceiling Tensor.matmul can reach.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx6g"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 8, time = 1)
public class MatmulBenchmark {

    /** m x k x n: [m, k]·[k, n]. */
    @Param({"128x800x1000", "1024x1024x1024"})
    public String dims;

    /** Worker threads of the tensor backend; OpenBLAS starts one thread per processor either way. */
    @Param("2")
    public int threads;

    private int m;
    private int k;
    private int n;
    private Tensor a;
    private Tensor b;
    private FloatPointer pointerA;
    private FloatPointer pointerB;
    private FloatPointer pointerC;

    @Setup(Level.Trial)
    public void setUp() {
        String[] parts = dims.split("x");
        m = Integer.parseInt(parts[0]);
        k = Integer.parseInt(parts[1]);
        n = Integer.parseInt(parts[2]);
        DefaultBackend.set(new CpuBackend(threads, true));
        float[] left = random(m * k, 1);
        float[] right = random(k * n, 2);
        a = Tensor.of(left, m, k);
        b = Tensor.of(right, k, n);
        pointerA = new FloatPointer(left);
        pointerB = new FloatPointer(right);
        pointerC = new FloatPointer((long) m * n);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pointerA.close();
        pointerB.close();
        pointerC.close();
    }

    private static float[] random(int count, long seed) {
        Random random = new Random(seed);
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = random.nextFloat() - 0.5f;
        }
        return values;
    }

    @Benchmark
    public Tensor tensorMatmul() {
        return a.matmul(b);
    }

    @Benchmark
    public FloatPointer directOpenBlas() {
        openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, m, n, k,
                1f, pointerA, k, pointerB, n, 0f, pointerC, n);
        return pointerC;
    }
}
