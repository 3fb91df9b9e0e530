package org.cortexj.backend.cpu.gemm;

import java.util.Objects;

/**
 * {@link Gemm} that cuts each large product into independent sub-products, blocks of whole
 * columns or whole rows of C, and computes every block with a single-threaded {@link Gemm} on
 * one thread of a {@link BlockExecutor}.
 *
 * <p>It exists for OpenBLAS on heap arrays, which reach OpenBLAS through off-heap copies. When
 * one thread writes those copies and OpenBLAS's own threads read them, the readers fetch cache
 * lines that are dirty in the writer's core. That is slow. On a 2-vCPU AMD EPYC virtual machine
 * the copied [128 x 800]·[800 x 1000] product took 1.3 ms in some processes and 2.2 to 2.5 ms in
 * others. A direct call on off-heap memory took 1.1 ms. Here each worker copies the
 * operand parts of its own block and runs OpenBLAS on one thread, so every core reads what it
 * wrote itself. OpenBLAS threads also no longer compete with the workers for the cores.
 *
 * <p>{@link GemmPartition#plan} chooses the blocks: the larger of the row and column counts is
 * cut into up to one block per worker, on multiples of {@link GemmPartition#ALIGNMENT}, and only
 * as far as every block keeps at least {@link #DEFAULT_MIN_BLOCK_MULTIPLY_ADDS} multiply-adds.
 * Each element of C is computed by exactly one call of the block gemm, and the blocks depend
 * only on the sizes and the worker count, so a given worker count always gives the same bits.
 *
 * <p>Between worker counts, results may differ in the last bits, because a block is a smaller
 * product than the whole and a BLAS library may pick other kernels for it. Matrix products are
 * only promised to be correct within floating-point tolerance, unlike elementwise operations,
 * which are bit-identical for every worker count. With OpenBLAS 0.3.31 (JavaCPP presets 1.5.13)
 * on the AMD EPYC tested, blocks of the default minimum size or more matched the unsplit
 * product bit for bit in every shape tried: all four transpose combinations, alpha 1 with
 * beta 0, and alpha 1.25 with beta 0 or 0.5. Smaller blocks, which OpenBLAS computes with
 * separate small-matrix kernels (up to about 10^6 multiply-adds), did not always match. On the
 * 2-vCPU Xeon (2026-12-05) a float64 300³ product with A transposed differed in the last bits
 * between one worker and two or three, so the match is not general.
 *
 * <p>When the block gemm reads arrays in place ({@link ArrayPassing#PIN}), square products are
 * cut into rows. Normally every block is then pinned too ({@link OpenBlasGemm#pinsEveryBlock()}).
 * If only the pinning library's checked methods are reachable, only row blocks of an
 * untransposed A can be pinned. A product whose blocks cannot all be pinned then runs every
 * block on off-heap copies, because one pinned block beside copied ones was slower than all
 * blocks copied. On a 2-vCPU Xeon (2026-12-05, {@code SplitGemmBenchmark} in the test sources, medians
 * of 7 rounds) pinned row blocks multiplied 1024³ in 6.48 ms against 7.14 ms for copied column
 * blocks, and [128 x 800]·[800 x 1000] took 1.23 ms with its first column block pinned against
 * 1.03 ms with both copied.
 *
 * <p>Instances are thread-safe when the block gemm is: concurrent calls share the executor and
 * run their blocks in the order the executor takes them.
 */
public final class PartitionedGemm implements Gemm {

    /**
     * Smallest block of the default instances, in multiply-adds. A product that cannot be cut
     * into blocks this large runs as one call on the calling thread.
     *
     * <p>2^20 is just above the 10^6 multiply-adds up to which OpenBLAS 0.3.31 uses its
     * small-matrix kernels on the AMD EPYC tested, so blocks never use them and keep the bits of
     * the unsplit product. It is also about where splitting starts to pay off there. On 2 workers
     * a 128 x 128 x 128 product (two blocks of 2^20) took 35 to 38 µs, against 49 µs as one
     * single-threaded call, when the second vCPU had been busy just before. After the second vCPU had
     * idled for 50 ms the split took 64 to 66 µs, and at 200 x 200 x 200 it still matched the
     * single call (110 to 114 µs warm, against 178 µs as one call). All figures are medians of
     * interleaved runs in one process, three processes each.
     */
    public static final long DEFAULT_MIN_BLOCK_MULTIPLY_ADDS = 1L << 20;

    private final Gemm blockGemm;
    private final BlockExecutor executor;
    private final int workers;
    private final long minBlockMultiplyAdds;
    private final boolean blocksInPlace;
    private final boolean everyBlockInPlace;
    /** Computes blocks that cannot all be pinned: a copying OpenBLAS, or the block gemm itself. */
    private final Gemm copyingBlockGemm;

    /**
     * Creates an instance that splits products over up to {@code workers} blocks.
     *
     * @param blockGemm computes each block; it should run on the calling thread alone, such as
     *     OpenBLAS set to one thread with {@link OpenBlasGemm#setThreadCount(int)}
     * @param executor runs the blocks of one product, for example on a backend's workers
     * @param workers number of threads {@code executor} runs blocks on, at least 1
     * @throws IllegalArgumentException if {@code workers < 1}
     */
    public PartitionedGemm(Gemm blockGemm, BlockExecutor executor, int workers) {
        this(blockGemm, executor, workers, DEFAULT_MIN_BLOCK_MULTIPLY_ADDS);
    }

    /** Creates an instance with another minimum block size, so tests can split small products. */
    PartitionedGemm(Gemm blockGemm, BlockExecutor executor, int workers, long minBlockMultiplyAdds) {
        if (workers < 1) {
            throw new IllegalArgumentException("PartitionedGemm: workers must be >= 1, got " + workers);
        }
        if (minBlockMultiplyAdds < 1) {
            throw new IllegalArgumentException("PartitionedGemm: minBlockMultiplyAdds must be >= 1, got "
                    + minBlockMultiplyAdds);
        }
        this.blockGemm = Objects.requireNonNull(blockGemm, "PartitionedGemm: blockGemm is null");
        this.executor = Objects.requireNonNull(executor, "PartitionedGemm: executor is null");
        this.workers = workers;
        this.minBlockMultiplyAdds = minBlockMultiplyAdds;
        this.blocksInPlace = blockGemm instanceof OpenBlasGemm openBlas && openBlas.arrayPassing() == ArrayPassing.PIN;
        this.everyBlockInPlace = blockGemm instanceof OpenBlasGemm openBlas && openBlas.pinsEveryBlock();
        this.copyingBlockGemm = blocksInPlace ? OpenBlasGemm.load(ArrayPassing.COPY) : blockGemm;
    }

    /** Returns the gemm for the blocks of {@code partition}: the block gemm only if every block can be pinned. */
    private Gemm gemmFor(GemmPartition partition, boolean transA) {
        boolean allPinned = everyBlockInPlace || partition.axis() == GemmPartition.Axis.ROWS && !transA;
        return allPinned ? blockGemm : copyingBlockGemm;
    }

    /** Plans the blocks; square products are cut into rows when row blocks can be read in place. */
    private GemmPartition plan(boolean transA, int m, int n, int k) {
        GemmPartition.Axis onTie = blocksInPlace && !transA ? GemmPartition.Axis.ROWS : GemmPartition.Axis.COLUMNS;
        return GemmPartition.plan(m, n, k, workers, minBlockMultiplyAdds, onTie);
    }

    /** Maximum number of blocks one product is cut into. */
    public int workers() {
        return workers;
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k,
                      float alpha, float[] a, int aOffset, int lda,
                      float[] b, int bOffset, int ldb,
                      float beta, float[] c, int cOffset, int ldc) {
        GemmArguments.checkFloat("sgemm", transA, transB, m, n, k,
                a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
        GemmPartition partition = plan(transA, m, n, k);
        if (!partition.isSplit() || alpha == 0f) {
            blockGemm.sgemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb,
                    beta, c, cOffset, ldc);
            return;
        }
        Gemm gemm = gemmFor(partition, transA);
        executor.runBlocks(partition.blockCount(), block -> {
            SubProduct part = SubProduct.of(partition, block, transA, transB, m, n,
                    aOffset, lda, bOffset, ldb, cOffset, ldc);
            gemm.sgemm(transA, transB, part.m, part.n, k, alpha, a, part.aOffset, lda,
                    b, part.bOffset, ldb, beta, c, part.cOffset, ldc);
        });
    }

    @Override
    public void dgemm(boolean transA, boolean transB, int m, int n, int k,
                      double alpha, double[] a, int aOffset, int lda,
                      double[] b, int bOffset, int ldb,
                      double beta, double[] c, int cOffset, int ldc) {
        GemmArguments.checkDouble("dgemm", transA, transB, m, n, k,
                a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
        GemmPartition partition = plan(transA, m, n, k);
        if (!partition.isSplit() || alpha == 0d) {
            blockGemm.dgemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb,
                    beta, c, cOffset, ldc);
            return;
        }
        Gemm gemm = gemmFor(partition, transA);
        executor.runBlocks(partition.blockCount(), block -> {
            SubProduct part = SubProduct.of(partition, block, transA, transB, m, n,
                    aOffset, lda, bOffset, ldb, cOffset, ldc);
            gemm.dgemm(transA, transB, part.m, part.n, k, alpha, a, part.aOffset, lda,
                    b, part.bOffset, ldb, beta, c, part.cOffset, ldc);
        });
    }

    /**
     * Returns the block gemm's name and how products are split, such as
     * {@code "OpenBLAS 0.3.31-1.5.13 (1 thread, ...) per block, products of at least 1048576
     * multiply-adds per block split into column or row blocks over 2 workers"}.
     */
    @Override
    public String name() {
        if (workers == 1) {
            return blockGemm.name() + ", products not split (1 worker)";
        }
        return blockGemm.name() + " per block, products of at least " + minBlockMultiplyAdds
                + " multiply-adds per block split into column or row blocks over " + workers
                + " workers";
    }

    /** Sizes of one block's sub-product and where its operands start in the arrays. */
    private record SubProduct(int m, int n, int aOffset, int bOffset, int cOffset) {

        static SubProduct of(GemmPartition partition, int block, boolean transA, boolean transB,
                             int m, int n, int aOffset, int lda, int bOffset, int ldb,
                             int cOffset, int ldc) {
            int start = partition.start(block);
            int size = partition.start(block + 1) - start;
            if (partition.axis() == GemmPartition.Axis.COLUMNS) {
                // Column j of op(B) is stored column j of B, or row j of B when transposed.
                int columnOfB = transB ? start * ldb : start;
                return new SubProduct(m, size, aOffset, bOffset + columnOfB, cOffset + start);
            }
            // Row i of op(A) is stored row i of A, or column i of A when transposed.
            int rowOfA = transA ? start : start * lda;
            return new SubProduct(size, n, aOffset + rowOfA, bOffset, cOffset + start * ldc);
        }
    }
}
