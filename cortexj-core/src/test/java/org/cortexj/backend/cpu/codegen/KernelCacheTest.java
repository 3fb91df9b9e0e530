package org.cortexj.backend.cpu.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cortexj.backend.BinaryOp;
import org.cortexj.backend.DataType;
import org.cortexj.backend.ElementwiseProgram;
import org.cortexj.backend.ElementwiseProgram.Instruction;
import org.cortexj.backend.UnaryOp;
import org.junit.jupiter.api.Test;

/** Keys and the bounded cache, with a stand-in compiler that counts its calls. */
class KernelCacheTest {

    /** A kernel that does nothing; the cache never runs it. */
    static final class IdleKernel extends FusedKernel {
        IdleKernel() {
            super(8);
        }

        @Override
        public void run(Object[] registerArrays, int[] registerOffsets, double[] scalars,
                        Object output, int outputOffset, int n) {
        }
    }

    static ElementwiseProgram scaleAndShift(DataType type, double scale, double shift) {
        return new ElementwiseProgram(type, List.of(Instruction.load(0), Instruction.constant(scale),
                Instruction.binary(BinaryOp.MUL, 0, 1), Instruction.constant(shift),
                Instruction.binary(BinaryOp.ADD, 2, 3)), 1);
    }

    static KernelKey key(ElementwiseProgram program, InputAccess... accesses) {
        return KernelKey.of(program, accesses);
    }

    @Test
    void keyIgnoresConstantValues() {
        KernelKey first = key(scaleAndShift(DataType.FLOAT32, 0.1, 2), InputAccess.ARRAY);
        KernelKey second = key(scaleAndShift(DataType.FLOAT32, -7.5, Double.NaN), InputAccess.ARRAY);
        assertEquals(first, second);
        assertEquals(first.hashCode(), second.hashCode());
    }

    @Test
    void keySeparatesStructures() {
        KernelKey base = key(scaleAndShift(DataType.FLOAT32, 1, 2), InputAccess.ARRAY);
        assertNotEquals(base, key(scaleAndShift(DataType.FLOAT64, 1, 2), InputAccess.ARRAY), "data type");
        assertNotEquals(base, key(scaleAndShift(DataType.FLOAT32, 1, 2), InputAccess.BROADCAST), "input access");
        ElementwiseProgram otherOperator = new ElementwiseProgram(DataType.FLOAT32, List.of(Instruction.load(0),
                Instruction.constant(1), Instruction.binary(BinaryOp.MUL, 0, 1), Instruction.constant(2),
                Instruction.binary(BinaryOp.SUB, 2, 3)), 1);
        assertNotEquals(base, key(otherOperator, InputAccess.ARRAY), "operator");
        ElementwiseProgram otherOperands = new ElementwiseProgram(DataType.FLOAT32, List.of(Instruction.load(0),
                Instruction.constant(1), Instruction.binary(BinaryOp.MUL, 1, 0), Instruction.constant(2),
                Instruction.binary(BinaryOp.ADD, 2, 3)), 1);
        assertNotEquals(base, key(otherOperands, InputAccess.ARRAY), "operand order");
    }

    @Test
    void keyRejectsWrongAccessCount() {
        assertThrows(IllegalArgumentException.class,
                () -> key(scaleAndShift(DataType.FLOAT32, 1, 2), InputAccess.ARRAY, InputAccess.ARRAY));
    }

    @Test
    void repeatedStructureCompilesOnce() {
        AtomicInteger calls = new AtomicInteger();
        KernelCache cache = new KernelCache(4, 1, key -> {
            calls.incrementAndGet();
            return new IdleKernel();
        });
        FusedKernel first = cache.get(key(scaleAndShift(DataType.FLOAT32, 0.5, 1), InputAccess.ARRAY));
        for (int step = 0; step < 100; step++) {
            double learningRate = 0.1 / (1 + step);
            assertSame(first, cache.get(key(scaleAndShift(DataType.FLOAT32, learningRate, -step), InputAccess.ARRAY)));
        }
        assertEquals(1, calls.get());
        assertEquals(1, cache.compilations());
        assertEquals(1, cache.size());
    }

    @Test
    void kernelWaitsForThresholdLookup() {
        AtomicInteger calls = new AtomicInteger();
        KernelCache cache = new KernelCache(4, 3, key -> {
            calls.incrementAndGet();
            return new IdleKernel();
        });
        KernelKey key = key(scaleAndShift(DataType.FLOAT32, 2, 3), InputAccess.ARRAY);
        assertNull(cache.get(key), "first lookup");
        assertNull(cache.get(key), "second lookup");
        assertEquals(0, calls.get(), "compilations before the threshold");
        FusedKernel kernel = cache.get(key);
        assertNotNull(kernel, "third lookup");
        assertSame(kernel, cache.get(key), "fourth lookup");
        assertEquals(1, calls.get(), "compilations after the threshold");
    }

    @Test
    void thresholdBelowOneIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new KernelCache(4, 0, key -> new IdleKernel()));
    }

    @Test
    void fullCacheDropsLeastRecentlyUsed() {
        KernelCache cache = new KernelCache(2, 1, key -> new IdleKernel());
        KernelKey a = key(scaleAndShift(DataType.FLOAT32, 1, 1), InputAccess.ARRAY);
        KernelKey b = key(scaleAndShift(DataType.FLOAT64, 1, 1), InputAccess.ARRAY);
        KernelKey c = key(scaleAndShift(DataType.FLOAT32, 1, 1), InputAccess.BROADCAST);
        cache.get(a);
        cache.get(b);
        cache.get(a);
        cache.get(c);
        assertEquals(2, cache.size());
        assertTrue(cache.containsKernel(a), "recently used entry kept");
        assertFalse(cache.contains(b), "least recently used entry dropped");
        assertTrue(cache.containsKernel(c), "new entry kept");
        assertEquals(3, cache.compilations());
    }

    @Test
    void failedGenerationIsCachedAsAbsent() {
        AtomicInteger calls = new AtomicInteger();
        KernelCache cache = new KernelCache(4, 1, key -> {
            calls.incrementAndGet();
            throw new UnsupportedProgramException("test: no kernel for this program");
        });
        KernelKey key = key(scaleAndShift(DataType.FLOAT32, 1, 1), InputAccess.ARRAY);
        assertNull(cache.get(key));
        assertNull(cache.get(key));
        assertEquals(1, calls.get());
    }

    @Test
    void unexpectedCompilerErrorFallsBack() {
        KernelCache cache = new KernelCache(4, 1, key -> {
            throw new IllegalStateException("test: compiler broke");
        });
        assertNull(cache.get(key(scaleAndShift(DataType.FLOAT64, 1, 1), InputAccess.ARRAY)));
    }

    @Test
    void concurrentMissesReturnOneKernel() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        KernelCache cache = new KernelCache(4, 1, key -> new IdleKernel());
        KernelKey key = key(scaleAndShift(DataType.FLOAT32, 3, 4), InputAccess.ARRAY);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<FusedKernel>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(threads.submit(() -> {
                    start.await();
                    return cache.get(key);
                }));
            }
            start.countDown();
            FusedKernel expected = cache.get(key);
            for (Future<FusedKernel> result : results) {
                assertSame(expected, result.get(30, TimeUnit.SECONDS));
            }
            assertEquals(1, cache.size());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void sharedCacheGeneratesOncePerStructure() {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.cortexj.backend.cpu.SimdSupport.enabled(),
                "generated kernels need the jdk.incubator.vector module");
        FusedEvaluation.generateOnFirstUse();
        ElementwiseProgram first = new ElementwiseProgram(DataType.FLOAT64, List.of(Instruction.load(0),
                Instruction.unary(UnaryOp.FLOOR, 0), Instruction.constant(0.25), Instruction.binary(BinaryOp.POW, 1, 2)), 1);
        ElementwiseProgram second = new ElementwiseProgram(DataType.FLOAT64, List.of(Instruction.load(0),
                Instruction.unary(UnaryOp.FLOOR, 0), Instruction.constant(-4), Instruction.binary(BinaryOp.POW, 1, 2)), 1);
        KernelCache shared = FusedKernels.cache();
        FusedKernel kernel = FusedKernels.lookup(first, new InputAccess[] {InputAccess.ARRAY});
        int compilations = shared.compilations();
        assertSame(kernel, FusedKernels.lookup(second, new InputAccess[] {InputAccess.ARRAY}));
        assertEquals(compilations, shared.compilations());
    }
}
