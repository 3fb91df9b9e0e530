package org.cortexj.backend.cpu.gemm;

/**
 * Split of the {@code m x n} result C of one product into independent sub-products for
 * {@link PartitionedGemm}: blocks of whole columns, blocks of whole rows, or one block.
 *
 * <p>Every block starts on a multiple of {@link #ALIGNMENT}, and every block but the last also
 * ends on one, so the BLAS kernels see the same tile layout inside each block as in the whole
 * product. The plan depends only on the sizes, the worker count and the minimum block size,
 * never on timing.
 *
 * @param axis the dimension of C that is cut
 * @param blockCount number of blocks, 1 when the product is not split
 * @param length size of C along {@code axis}: {@code n} for columns, {@code m} for rows
 */
record GemmPartition(Axis axis, int blockCount, int length) {

    /** The dimension of C that a partition cuts. */
    enum Axis {
        /** Blocks of columns of C: each needs all of A and its own columns of B. */
        COLUMNS,
        /** Blocks of rows of C: each needs its own rows of A and all of B. */
        ROWS
    }

    /** Block boundaries are multiples of this many rows or columns, except at the end of C. */
    static final int ALIGNMENT = 16;

    /** Plans with columns cut when {@code m == n}; see {@link #plan(int, int, int, int, long, Axis)}. */
    static GemmPartition plan(int m, int n, int k, int workers, long minBlockMultiplyAdds) {
        return plan(m, n, k, workers, minBlockMultiplyAdds, Axis.COLUMNS);
    }

    /**
     * Plans the split of an {@code m x n x k} product into up to {@code workers} blocks, each of
     * at least {@code minBlockMultiplyAdds} multiply-adds. A block of {@code rows x columns}
     * counts {@code rows * columns * k}.
     *
     * <p>The larger of {@code m} and {@code n} is cut, {@code onTie} when they are equal: every
     * block reads all of the operand that is not cut, so cutting the larger dimension moves the
     * least memory. It also has at least as many aligned tiles as the other one, so no product
     * splits better the other way. The block count is the largest that keeps the smallest block
     * at the minimum size.
     */
    static GemmPartition plan(int m, int n, int k, int workers, long minBlockMultiplyAdds, Axis onTie) {
        Axis axis = onTie;
        if (n > m) {
            axis = Axis.COLUMNS;
        } else if (m > n) {
            axis = Axis.ROWS;
        }
        int length = axis == Axis.COLUMNS ? n : m;
        long multiplyAddsPerLine = (long) (axis == Axis.COLUMNS ? m : n) * k;

        int blockCount = Math.max(1, Math.min(workers, tiles(length)));
        while (blockCount > 1) {
            GemmPartition candidate = new GemmPartition(axis, blockCount, length);
            if (candidate.smallestBlock() * multiplyAddsPerLine >= minBlockMultiplyAdds) {
                return candidate;
            }
            blockCount--;
        }
        return new GemmPartition(axis, 1, length);
    }

    /** Returns the number of rows or columns in the smallest block. */
    private int smallestBlock() {
        int smallest = length;
        for (int block = 0; block < blockCount; block++) {
            smallest = Math.min(smallest, start(block + 1) - start(block));
        }
        return smallest;
    }

    private static int tiles(int length) {
        return (length + ALIGNMENT - 1) / ALIGNMENT;
    }

    /** Returns whether the product is cut into more than one block. */
    boolean isSplit() {
        return blockCount > 1;
    }

    /**
     * Returns the first row or column of block {@code block}, or {@link #length} for
     * {@code block == blockCount}. Aligned tiles are spread evenly, so block sizes differ by at
     * most one tile.
     */
    int start(int block) {
        int tiles = tiles(length);
        long tile = (long) tiles * block / blockCount;
        return (int) Math.min(length, tile * ALIGNMENT);
    }
}
