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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * float32 matrix products: {@code Tensor.matmul} against direct OpenBLAS {@code cblas_sgemm}
 * calls, one on off-heap memory, which is the ceiling Tensor.matmul can reach, and one on Java
 * arrays through the JavaCPP array overload, which copies the arrays in and out of native memory.
 *
 * <p>The CPU backend sets OpenBLAS to one thread because it splits products over its own workers,
 * and the setting is process-wide. JMH runs each benchmark method in a JVM of its own, so the
 * direct calls set OpenBLAS to {@link #threads} threads in their JVMs and are measured with
 * OpenBLAS's own threading on as many threads as the backend has workers.
 *
 * <p>{@code tensorMatmulInto} writes the product into a tensor allocated once, as the direct
 * calls do; {@code tensorMatmul} allocates its result on every call, so it writes into memory
 * that is not in any cache, while the others rewrite the same cached array.
 *
 * <p>{@code tensorMatmulOpenBlasThreads} is {@code Tensor.matmul} with system property
 * {@code cortexj.blas.threads=openblas}: one OpenBLAS call per product on OpenBLAS's own threads
 * instead of the backend's split.
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

    /** Worker threads of the tensor backend, and OpenBLAS threads of the direct calls. */
    @Param("2")
    public int threads;

    private int m;
    private int k;
    private int n;
    private Tensor a;
    private Tensor b;
    private Tensor c;
    private float[] arrayA;
    private float[] arrayB;
    private float[] arrayC;
    private FloatPointer pointerA;
    private FloatPointer pointerB;
    private FloatPointer pointerC;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        String[] parts = dims.split("x");
        m = Integer.parseInt(parts[0]);
        k = Integer.parseInt(parts[1]);
        n = Integer.parseInt(parts[2]);
        arrayA = random(m * k, 1);
        arrayB = random(k * n, 2);
        arrayC = new float[m * n];
        if (params.getBenchmark().contains(".tensorMatmul")) {
            if (params.getBenchmark().endsWith("OpenBlasThreads")) {
                System.setProperty("cortexj.blas.threads", "openblas");
            }
            DefaultBackend.set(new CpuBackend(threads, true));
            a = Tensor.of(arrayA, m, k);
            b = Tensor.of(arrayB, k, n);
            c = Tensor.zeros(m, n);
        } else {
            openblas.blas_set_num_threads(threads);
        }
        pointerA = new FloatPointer(arrayA);
        pointerB = new FloatPointer(arrayB);
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
    public Tensor tensorMatmulInto() {
        return a.matmul(b, c);
    }

    @Benchmark
    public Tensor tensorMatmulOpenBlasThreads() {
        return a.matmul(b);
    }

    @Benchmark
    public FloatPointer directOpenBlas() {
        openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, m, n, k,
                1f, pointerA, k, pointerB, n, 0f, pointerC, n);
        return pointerC;
    }

    @Benchmark
    public float[] directOpenBlasArrays() {
        openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, m, n, k,
                1f, arrayA, k, arrayB, n, 0f, arrayC, n);
        return arrayC;
    }
}
