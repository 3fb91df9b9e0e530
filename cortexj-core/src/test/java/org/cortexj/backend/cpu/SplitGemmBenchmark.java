package org.cortexj.backend.cpu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;
import org.cortexj.backend.Buffer;
import org.cortexj.backend.cpu.gemm.ArrayPassing;
import org.cortexj.backend.cpu.gemm.Gemm;
import org.cortexj.backend.cpu.gemm.OpenBlasGemm;
import org.cortexj.backend.cpu.gemm.PartitionedGemm;
import org.cortexj.tensor.DefaultBackend;
import org.cortexj.tensor.Tensor;

/**
 * Manual benchmark, not a unit test: float32 products of the CPU backend, split over its workers,
 * against a direct {@code cblas_sgemm} on off-heap memory and against three other ways to reach
 * OpenBLAS from heap arrays: one thread copies the operands and OpenBLAS's own threads compute
 * ("copy path"); the arrays are pinned and OpenBLAS's own threads compute ("pinned, OpenBLAS
 * threads"); and the backend's split with every block copied ("copied blocks"), as before
 * pinning was available.
 *
 * <p>The variants run in rotation within each round, so drifting machine load affects all of
 * them alike. Each variant sets the OpenBLAS thread count it needs: the backend's workers for the
 * direct call and the copy path, 1 for the split. It then pauses for 300 ms, because OpenBLAS
 * threads keep spinning for a while after their last call and would slow the next variant. Each
 * line gives the median time per call over the rounds with the range in brackets, and the median
 * over rounds of {@code time(direct) / time(variant)}, where 1.0 means as fast as the direct call.
 *
 * <p>Run from the repository root after {@code mvn -pl cortexj-core test-compile}:
 * <pre>
 * mvn -q -pl cortexj-core dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java --add-modules jdk.incubator.vector \
 *     -cp cortexj-core/target/test-classes:cortexj-core/target/classes:$(cat /tmp/cp.txt) \
 *     org.cortexj.backend.cpu.SplitGemmBenchmark [workers] [rounds] [m,k,n[,A][,B] ...]
 * </pre>
 * A shape {@code m,k,n} is {@code [m x k]·[k x n]}; {@code A} or {@code B} stores that operand
 * transposed. The default shapes are a dense layer on a batch of 128, 1024³, and the products of
 * a LeNet-like network at batch 128: both convolutions as im2col products and the 800-to-1000
 * linear layer, each forward, input gradient and weight gradient.
 */
public final class SplitGemmBenchmark {

    private static final String[] DEFAULT_SHAPES = {
        "128,800,1000", "1024,1024,1024",
        "20,25,73728", "25,20,73728,A", "20,73728,25,B",
        "50,500,8192", "500,50,8192,A", "50,8192,500,B",
        "128,800,1000,B", "128,1000,800", "800,128,1000,A"};

    private static final long PAUSE_MILLIS = 300;

    /** Workers of the "copied blocks" variant, created in {@link #main}. */
    private static WorkerPool copyWorkers;
    private static final double ROUND_NANOS = 150e6;

    private record Variant(String name, int openBlasThreads, Runnable call) {
    }

    private SplitGemmBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        String[] shapes = args.length > 2 ? Arrays.copyOfRange(args, 2, args.length) : DEFAULT_SHAPES;
        CpuBackend backend = new CpuBackend(workers, true);
        copyWorkers = new WorkerPool(workers);
        DefaultBackend.set(backend);
        System.out.println(backend.description());
        for (String shape : shapes) {
            measure(shape, backend, workers, rounds);
        }
    }

    private static void measure(String shape, CpuBackend backend, int workers, int rounds)
            throws InterruptedException {
        String[] parts = shape.split(",");
        int m = Integer.parseInt(parts[0]);
        int k = Integer.parseInt(parts[1]);
        int n = Integer.parseInt(parts[2]);
        boolean transA = shape.contains("A");
        boolean transB = shape.contains("B");
        List<Variant> variants = variants(backend, workers, m, n, k, transA, transB);

        double[][] micros = new double[variants.size()][rounds];
        int[] calls = new int[variants.size()];
        for (int v = 0; v < variants.size(); v++) {
            calls[v] = calibrate(variants.get(v));
        }
        for (int round = 0; round < rounds; round++) {
            for (int v = 0; v < variants.size(); v++) {
                micros[v][round] = time(variants.get(v), calls[v]);
            }
        }
        report(shape, variants, micros);
    }

    private static List<Variant> variants(CpuBackend backend, int workers, int m, int n, int k,
                                          boolean transA, boolean transB) {
        int lda = transA ? m : k;
        int ldb = transB ? k : n;
        Random random = new Random(1);
        float[] a = randomArray(m * k, random);
        float[] b = randomArray(k * n, random);
        float[] c = new float[m * n];
        FloatPointer offHeapA = new FloatPointer(a);
        FloatPointer offHeapB = new FloatPointer(b);
        FloatPointer offHeapC = new FloatPointer((long) m * n);
        int codeA = transA ? openblas.CblasTrans : openblas.CblasNoTrans;
        int codeB = transB ? openblas.CblasTrans : openblas.CblasNoTrans;
        Gemm copyPath = OpenBlasGemm.load(ArrayPassing.COPY);
        Buffer bufferA = backend.wrap(a);
        Buffer bufferB = backend.wrap(b);
        Buffer bufferC = backend.wrap(c);
        Tensor left = transA ? Tensor.of(a, k, m).transpose(0, 1) : Tensor.of(a, m, k);
        Tensor right = transB ? Tensor.of(b, n, k).transpose(0, 1) : Tensor.of(b, k, n);

        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("direct", workers, () -> openblas.cblas_sgemm(openblas.CblasRowMajor,
                codeA, codeB, m, n, k, 1f, offHeapA, lda, offHeapB, ldb, 0f, offHeapC, n)));
        variants.add(new Variant("copy path", workers, () -> copyPath.sgemm(transA, transB, m, n, k,
                1f, a, 0, lda, b, 0, ldb, 0f, c, 0, n)));
        Gemm pinned = OpenBlasGemm.load(ArrayPassing.PIN);
        variants.add(new Variant("pinned, OpenBLAS threads", workers, () -> pinned.sgemm(transA, transB, m, n, k,
                1f, a, 0, lda, b, 0, ldb, 0f, c, 0, n)));
        Gemm copiedBlocks = new PartitionedGemm(copyPath, copyWorkers::parallelFor, workers);
        variants.add(new Variant("copied blocks", 1, () -> copiedBlocks.sgemm(transA, transB, m, n, k,
                1f, a, 0, lda, b, 0, ldb, 0f, c, 0, n)));
        variants.add(new Variant("split", 1, () -> backend.gemm(transA, transB, m, n, k, 1.0,
                bufferA, 0, lda, bufferB, 0, ldb, 0.0, bufferC, 0, n)));
        variants.add(new Variant("split, new C", 1, () -> backend.gemm(transA, transB, m, n, k, 1.0,
                bufferA, 0, lda, bufferB, 0, ldb, 0.0, backend.allocate(org.cortexj.backend.DataType.FLOAT32, m * n), 0, n)));
        variants.add(new Variant("Tensor.matmul", 1, () -> left.matmul(right)));
        return variants;
    }

    /** Warms a variant up for about 300 ms and returns how many calls fill one round. */
    private static int calibrate(Variant variant) throws InterruptedException {
        prepare(variant);
        long start = System.nanoTime();
        int calls = 0;
        while (System.nanoTime() - start < 2 * ROUND_NANOS || calls < 3) {
            variant.call().run();
            calls++;
        }
        double nanosPerCall = (double) (System.nanoTime() - start) / calls;
        return Math.max(3, (int) (ROUND_NANOS / nanosPerCall));
    }

    /** Returns the mean time per call in microseconds over {@code calls} calls. */
    private static double time(Variant variant, int calls) throws InterruptedException {
        prepare(variant);
        variant.call().run();
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            variant.call().run();
        }
        return (System.nanoTime() - start) / 1e3 / calls;
    }

    private static void prepare(Variant variant) throws InterruptedException {
        OpenBlasGemm.setThreadCount(variant.openBlasThreads());
        Thread.sleep(PAUSE_MILLIS);
    }

    private static void report(String shape, List<Variant> variants, double[][] micros) {
        int rounds = micros[0].length;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-16s", shape));
        for (int v = 0; v < variants.size(); v++) {
            double[] sorted = micros[v].clone();
            Arrays.sort(sorted);
            double[] ratios = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                ratios[round] = micros[0][round] / micros[v][round];
            }
            Arrays.sort(ratios);
            line.append(String.format(Locale.ROOT, " | %s %.3f ms [%.3f-%.3f], ratio %.2f",
                    variants.get(v).name(), sorted[rounds / 2] / 1e3, sorted[0] / 1e3,
                    sorted[rounds - 1] / 1e3, ratios[rounds / 2]));
        }
        System.out.println(line);
    }

    private static float[] randomArray(int length, Random random) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = random.nextFloat() - 0.5f;
        }
        return values;
    }
}
