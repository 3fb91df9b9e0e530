package org.cortexj.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cortexj.backend.Buffer;
import org.cortexj.backend.cpu.gemm.GemmProvider;
import org.cortexj.backend.cpu.gemm.OpenBlasGemm;
import org.cortexj.backend.cpu.gemm.PartitionedGemm;
import org.junit.jupiter.api.Test;

/**
 * Matrix products of the CPU backend: products large enough to be split over the workers
 * against a naive loop in double precision, for 1 to 4 workers, and from concurrent callers.
 */
class CpuGemmTest {

    /** {m, n, k}: split by columns, split by rows, and odd sizes off the 16-element alignment. */
    private static final int[][] SIZES = {{129, 300, 257}, {300, 129, 257}, {97, 161, 333}};

    @Test
    void sizesAreAboveSplitThreshold() {
        for (int[] size : SIZES) {
            long multiplyAdds = (long) size[0] * size[1] * size[2];
            assertTrue(multiplyAdds >= 4 * PartitionedGemm.DEFAULT_MIN_BLOCK_MULTIPLY_ADDS,
                    "m, n, k " + size[0] + ", " + size[1] + ", " + size[2]);
        }
    }

    @Test
    void backendSetsOpenBlasToOneThread() {
        assumeTrue(GemmProvider.get() instanceof OpenBlasGemm, "matrix products do not use OpenBLAS");
        OptionalInt previous = OpenBlasGemm.threadCount();
        try {
            OpenBlasGemm.setThreadCount(2);
            CpuBackend backend = new CpuBackend(3, false);
            assertEquals(OptionalInt.of(1), OpenBlasGemm.threadCount());
            assertTrue(backend.description().contains("split into column or row blocks over 3 workers"),
                    backend.description());
        } finally {
            OpenBlasGemm.setThreadCount(previous.orElse(1));
        }
    }

    @Test
    void openBlasThreadsPropertyKeepsProductsWhole() {
        assumeTrue(GemmProvider.get() instanceof OpenBlasGemm, "matrix products do not use OpenBLAS");
        OptionalInt previous = OpenBlasGemm.threadCount();
        System.setProperty(CpuGemm.THREADS_PROPERTY, "openblas");
        try {
            CpuBackend backend = new CpuBackend(3, false);
            assertEquals(OptionalInt.of(3), OpenBlasGemm.threadCount());
            assertTrue(!backend.description().contains("split"), backend.description());
            // [2x3]·[3x2] = [[58, 64], [139, 154]].
            Buffer c = backend.wrap(new float[4]);
            backend.gemm(false, false, 2, 2, 3, 1.0, backend.wrap(new float[] {1, 2, 3, 4, 5, 6}), 0, 3,
                    backend.wrap(new float[] {7, 8, 9, 10, 11, 12}), 0, 2, 0.0, c, 0, 2);
            assertArrayEquals(new float[] {58, 64, 139, 154}, (float[]) ((CpuBuffer) c).array());
        } finally {
            System.clearProperty(CpuGemm.THREADS_PROPERTY);
            OpenBlasGemm.setThreadCount(previous.orElse(1));
        }
    }

    @Test
    void invalidThreadsPropertyIsRejected() {
        System.setProperty(CpuGemm.THREADS_PROPERTY, "both");
        try {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> new CpuBackend(2, false));
            assertEquals("System property cortexj.blas.threads has invalid value 'both'; expected backend (split "
                    + "products over the backend's workers, the default) or openblas (OpenBLAS threads each product "
                    + "itself)", e.getMessage());
        } finally {
            System.clearProperty(CpuGemm.THREADS_PROPERTY);
        }
    }

    @Test
    void floatProductsMatchNaiveLoopForWorkerCounts() {
        Random random = new Random(70);
        for (int workers = 1; workers <= 4; workers++) {
            CpuBackend backend = new CpuBackend(workers, false);
            for (int[] size : SIZES) {
                for (int transposes = 0; transposes < 4; transposes++) {
                    Product product = Product.random(size, transposes, random);
                    float[] c = product.randomC(random);
                    float[] oldC = c.clone();
                    product.runFloat(backend, c);
                    product.checkFloat(oldC, c, "workers " + workers);
                }
            }
        }
    }

    @Test
    void doubleProductsMatchNaiveLoopForWorkerCounts() {
        Random random = new Random(71);
        for (int workers = 1; workers <= 4; workers++) {
            CpuBackend backend = new CpuBackend(workers, false);
            for (int[] size : SIZES) {
                for (int transposes = 0; transposes < 4; transposes++) {
                    Product product = Product.random(size, transposes, random);
                    double[] c = toDoubles(product.randomC(random));
                    double[] oldC = c.clone();
                    product.runDouble(backend, c);
                    product.checkDouble(oldC, c, "workers " + workers);
                }
            }
        }
    }

    /**
     * Split products give the same bits as the unsplit product on one worker, for the products of
     * a convolution and a linear layer like those of the seed network (at batch 16 for the
     * convolutions). BLAS does not promise this. It holds for OpenBLAS 0.3.31 on the processors
     * tested, whose kernels compute each element of a block as in the whole product. Blocks small
     * enough for OpenBLAS's separate small-matrix kernels would break it.
     */
    @Test
    void splitProductsMatchOneWorkerBits() {
        int[][] products = {
            // {m, n, k, transA, transB}
            {20, 9216, 25, 0, 0}, {25, 9216, 20, 1, 0}, {20, 25, 9216, 0, 1},
            {50, 1024, 500, 0, 0}, {500, 1024, 50, 1, 0}, {50, 500, 1024, 0, 1},
            {128, 1000, 800, 0, 1}, {128, 800, 1000, 0, 0}, {800, 1000, 128, 1, 0},
            // Products of 1.2e6 to 1.7e6 multiply-adds stay whole, because their blocks would be
            // small enough for the small-matrix kernels, and a lower minimum block size fails here.
            {128, 10, 1000, 0, 1}, {10, 1000, 128, 1, 0}, {6, 30_976, 9, 0, 0}, {64, 32, 726, 0, 1}};
        Random random = new Random(73);
        for (int[] shape : products) {
            int m = shape[0];
            int n = shape[1];
            int k = shape[2];
            boolean transA = shape[3] == 1;
            boolean transB = shape[4] == 1;
            float[] a = Product.values(m * k, random);
            float[] b = Product.values(k * n, random);
            float[] oneWorker = multiply(new CpuBackend(1, false), transA, transB, m, n, k, a, b);
            for (int workers = 2; workers <= 4; workers++) {
                float[] split = multiply(new CpuBackend(workers, false), transA, transB, m, n, k, a, b);
                assertArrayEquals(oneWorker, split, "m, n, k " + m + ", " + n + ", " + k + ", transA "
                        + transA + ", transB " + transB + ": 1 and " + workers + " workers differ");
            }
        }
    }

    private static float[] multiply(CpuBackend backend, boolean transA, boolean transB, int m, int n, int k,
                                    float[] a, float[] b) {
        float[] c = new float[m * n];
        backend.gemm(transA, transB, m, n, k, 1.0, backend.wrap(a), 0, transA ? m : k,
                backend.wrap(b), 0, transB ? k : n, 0.0, backend.wrap(c), 0, n);
        return c;
    }

    /**
     * Two user threads multiply on the same 2-worker backend at once, each 30 times. Every result
     * must equal the one computed alone, bit for bit, and match the naive loop.
     */
    @Test
    void concurrentProductsOnOneBackend() throws Exception {
        CpuBackend backend = new CpuBackend(2, false);
        Random random = new Random(72);
        Product[] products = {
            Product.random(SIZES[0], 0, random), Product.random(SIZES[1], 3, random)};
        float[][] oldC = {products[0].randomC(random), products[1].randomC(random)};
        float[][] alone = new float[2][];
        for (int caller = 0; caller < 2; caller++) {
            alone[caller] = oldC[caller].clone();
            products[caller].runFloat(backend, alone[caller]);
            products[caller].checkFloat(oldC[caller], alone[caller], "caller " + caller + " alone");
        }

        ExecutorService users = Executors.newFixedThreadPool(2);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (int round = 0; round < 30; round++) {
                for (int caller = 0; caller < 2; caller++) {
                    Product product = products[caller];
                    float[] c = oldC[caller].clone();
                    results.add(users.submit(() -> {
                        product.runFloat(backend, c);
                        return c;
                    }));
                }
            }
            for (int index = 0; index < results.size(); index++) {
                int caller = index % 2;
                assertArrayEquals(alone[caller], results.get(index).get(),
                        "concurrent product " + index + " of caller " + caller);
            }
        } finally {
            users.shutdownNow();
        }
    }

    private static double[] toDoubles(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }

    /**
     * One product {@code C = alpha * op(A) * op(B) + beta * C}, with operands that start at an
     * offset and have leading dimensions larger than their stored rows.
     */
    private record Product(int m, int n, int k, boolean transA, boolean transB, float[] a, float[] b) {

        static final int OFFSET = 3;
        static final int PADDING = 5;
        static final float ALPHA = -1.25f;
        static final float BETA = 0.5f;

        static Product random(int[] size, int transposes, Random random) {
            int m = size[0];
            int n = size[1];
            int k = size[2];
            boolean transA = (transposes & 1) != 0;
            boolean transB = (transposes & 2) != 0;
            float[] a = values(OFFSET + (transA ? k : m) * ((transA ? m : k) + PADDING), random);
            float[] b = values(OFFSET + (transB ? n : k) * ((transB ? k : n) + PADDING), random);
            return new Product(m, n, k, transA, transB, a, b);
        }

        static float[] values(int length, Random random) {
            float[] values = new float[length];
            for (int i = 0; i < length; i++) {
                values[i] = random.nextFloat() * 4f - 2f;
            }
            return values;
        }

        float[] randomC(Random random) {
            return values(OFFSET + m * ldc(), random);
        }

        int lda() {
            return (transA ? m : k) + PADDING;
        }

        int ldb() {
            return (transB ? k : n) + PADDING;
        }

        int ldc() {
            return n + PADDING;
        }

        double elementOfA(int i, int p) {
            return transA ? a[OFFSET + p * lda() + i] : a[OFFSET + i * lda() + p];
        }

        double elementOfB(int p, int j) {
            return transB ? b[OFFSET + j * ldb() + p] : b[OFFSET + p * ldb() + j];
        }

        void runFloat(CpuBackend backend, float[] c) {
            Buffer cBuffer = backend.wrap(c);
            backend.gemm(transA, transB, m, n, k, ALPHA, backend.wrap(a), OFFSET, lda(),
                    backend.wrap(b), OFFSET, ldb(), BETA, cBuffer, OFFSET, ldc());
        }

        void runDouble(CpuBackend backend, double[] c) {
            double[] aDoubles = toDoubles(a);
            double[] bDoubles = toDoubles(b);
            backend.gemm(transA, transB, m, n, k, ALPHA, backend.wrap(aDoubles), OFFSET, lda(),
                    backend.wrap(bDoubles), OFFSET, ldb(), BETA, backend.wrap(c), OFFSET, ldc());
        }

        void checkFloat(float[] oldC, float[] c, String setting) {
            check(toDoubles(oldC), toDoubles(c), Math.ulp(1f) / 2, setting);
        }

        void checkDouble(double[] oldC, double[] c, String setting) {
            check(oldC, c, Math.ulp(1d) / 2, setting);
        }

        /**
         * Compares every element with the product in double precision, within
         * {@code 2 (k + 2) u (|alpha| sum |a b| + |beta c|)}, a bound that every summation order
         * meets, and checks that padding and the area before the offset kept their values.
         */
        private void check(double[] oldC, double[] c, double unitRoundoff, String setting) {
            for (int index = 0; index < c.length; index++) {
                int relative = index - OFFSET;
                boolean outside = relative < 0 || relative % ldc() >= n;
                if (outside) {
                    assertEquals(oldC[index], c[index], "wrote outside C at " + index + ", " + setting);
                    continue;
                }
                int i = relative / ldc();
                int j = relative % ldc();
                double sum = 0;
                double magnitude = 0;
                for (int p = 0; p < k; p++) {
                    double term = elementOfA(i, p) * elementOfB(p, j);
                    sum += term;
                    magnitude += Math.abs(term);
                }
                double expected = ALPHA * sum + BETA * oldC[index];
                double bound = 2 * (k + 2) * unitRoundoff
                        * (Math.abs(ALPHA) * magnitude + Math.abs(BETA * oldC[index]));
                assertTrue(Math.abs(c[index] - expected) <= bound, "C(" + i + ", " + j + ") "
                        + this + ", " + setting + ": expected " + expected + ", got " + c[index]
                        + ", allowed error " + bound);
            }
        }

        @Override
        public String toString() {
            return "m, n, k " + m + ", " + n + ", " + k + ", transA " + transA + ", transB " + transB;
        }
    }
}
