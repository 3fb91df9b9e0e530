package org.cortexj.backend.cpu.gemm;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;

/**
 * Manual benchmark, not a unit test: compares ways of passing heap arrays to OpenBLAS against a
 * direct {@code cblas_sgemm} call on off-heap memory, for float32 row-major products.
 *
 * <p>In mode {@code interleaved} (the default) the strategies run in rotation within each
 * repetition, so drifting machine load affects all of them alike, but each one finds the caches
 * filled by the others: the heap arrays, used by every strategy but the direct one, stay warmer.
 * In mode {@code blocked} each strategy runs all its repetitions in a row, with caches warmed
 * by itself. Each line gives the median and 10th-percentile times and the ratios
 * {@code time(direct) / time(strategy)} of both, where 1.0 means no overhead. On a shared
 * machine the 10th percentile is less disturbed by other processes than the median.
 *
 * <p>Run from the repository root after {@code mvn -pl cortexj-core test-compile}:
 * <pre>
 * mvn -q -pl cortexj-core dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp cortexj-core/target/test-classes:cortexj-core/target/classes:$(cat /tmp/cp.txt) \
 *     org.cortexj.backend.cpu.gemm.OpenBlasOverheadBenchmark [threads] [repetitions] [mode]
 * </pre>
 */
public final class OpenBlasOverheadBenchmark {

    private record Strategy(String name, Runnable call) {
    }

    private OpenBlasOverheadBenchmark() {
    }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        boolean interleaved = args.length <= 2 || args[2].equals("interleaved");
        OpenBlasGemm.setThreadCount(threads);
        System.out.println("gemm: " + OpenBlasGemm.load().name());
        System.out.println("java: " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, mode "
                + (interleaved ? "interleaved" : "blocked"));

        // [128 x 800] * [800 x 1000], as in a dense layer on a batch of 128.
        measure(128, 1000, 800, repetitions, interleaved);
        measure(1024, 1024, 1024, Math.max(10, repetitions / 10), interleaved);
    }

    private static void measure(int m, int n, int k, int repetitions, boolean interleaved) {
        Random random = new Random(1);
        float[] a = randomArray(m * k, random);
        float[] b = randomArray(k * n, random);
        float[] c = new float[m * n];
        List<Strategy> strategies = strategies(m, n, k, a, b, c);

        for (int warmup = 0; warmup < 10; warmup++) {
            strategies.forEach(strategy -> strategy.call().run());
        }
        long[][] times = interleaved
                ? runInterleaved(strategies, repetitions)
                : runBlocked(strategies, repetitions);
        report(m, n, k, repetitions, strategies, times);
    }

    private static long[][] runInterleaved(List<Strategy> strategies, int repetitions) {
        long[][] times = new long[strategies.size()][repetitions];
        for (int rep = 0; rep < repetitions; rep++) {
            for (int s = 0; s < strategies.size(); s++) {
                int index = (rep + s) % strategies.size();
                times[index][rep] = timeOnce(strategies.get(index));
            }
        }
        return times;
    }

    private static long[][] runBlocked(List<Strategy> strategies, int repetitions) {
        long[][] times = new long[strategies.size()][repetitions];
        for (int s = 0; s < strategies.size(); s++) {
            for (int warmup = 0; warmup < 5; warmup++) {
                strategies.get(s).call().run();
            }
            for (int rep = 0; rep < repetitions; rep++) {
                times[s][rep] = timeOnce(strategies.get(s));
            }
        }
        return times;
    }

    private static long timeOnce(Strategy strategy) {
        long start = System.nanoTime();
        strategy.call().run();
        return System.nanoTime() - start;
    }

    private static List<Strategy> strategies(int m, int n, int k, float[] a, float[] b,
                                             float[] c) {
        FloatPointer offHeapA = new FloatPointer(a);
        FloatPointer offHeapB = new FloatPointer(b);
        FloatPointer offHeapC = new FloatPointer(c.length);
        FloatBuffer heapA = FloatBuffer.wrap(a);
        FloatBuffer heapB = FloatBuffer.wrap(b);
        FloatBuffer heapC = FloatBuffer.wrap(c);
        int rowMajor = openblas.CblasRowMajor;
        int noTrans = openblas.CblasNoTrans;

        List<Strategy> strategies = new ArrayList<>();
        strategies.add(new Strategy("direct, off-heap memory", () -> openblas.cblas_sgemm(
                rowMajor, noTrans, noTrans, m, n, k, 1f, offHeapA, k, offHeapB, n, 0f,
                offHeapC, n)));
        strategies.add(new Strategy("(a) JavaCPP float[] overload", () -> openblas.cblas_sgemm(
                rowMajor, noTrans, noTrans, m, n, k, 1f, a, k, b, n, 0f, c, n)));
        strategies.add(new Strategy("(a) JavaCPP heap FloatBuffer", () -> openblas.cblas_sgemm(
                rowMajor, noTrans, noTrans, m, n, k, 1f, heapA, k, heapB, n, 0f, heapC, n)));
        addGemm(strategies, "(b) OpenBlasGemm COPY", OpenBlasGemm.load(ArrayPassing.COPY),
                m, n, k, a, b, c);
        if (OpenBlasGemm.load().arrayPassing() == ArrayPassing.PIN) {
            addGemm(strategies, "(c) OpenBlasGemm PIN", OpenBlasGemm.load(ArrayPassing.PIN),
                    m, n, k, a, b, c);
        }
        return strategies;
    }

    private static void addGemm(List<Strategy> strategies, String name, Gemm gemm,
                                int m, int n, int k, float[] a, float[] b, float[] c) {
        strategies.add(new Strategy(name, () -> gemm.sgemm(false, false, m, n, k,
                1f, a, 0, k, b, 0, n, 0f, c, 0, n)));
    }

    private static void report(int m, int n, int k, int repetitions, List<Strategy> strategies,
                               long[][] times) {
        System.out.printf("%nsgemm m=%d n=%d k=%d, %d repetitions%n", m, n, k, repetitions);
        double flops = 2.0 * m * n * k;
        double directMedian = percentile(times[0], 50);
        double directP10 = percentile(times[0], 10);
        for (int s = 0; s < strategies.size(); s++) {
            double median = percentile(times[s], 50);
            double p10 = percentile(times[s], 10);
            System.out.printf("  %-30s median %8.3f ms  p10 %8.3f ms  %6.1f GFLOP/s"
                            + "  ratio of medians %.3f  ratio of p10 %.3f%n",
                    strategies.get(s).name(), median / 1e6, p10 / 1e6, flops / median,
                    directMedian / median, directP10 / p10);
        }
    }

    /** Returns the given percentile of {@code values} (nearest rank, rounded down). */
    private static double percentile(long[] values, int percent) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length * percent / 100];
    }

    private static float[] randomArray(int length, Random random) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = random.nextFloat() - 0.5f;
        }
        return values;
    }
}
