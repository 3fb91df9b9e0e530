package org.cortexj.backend.cpu.gemm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GemmPartitionTest {

    private static final long MIN_BLOCK = 1_000_000;

    @Test
    void smallProductIsNotSplit() {
        // 100 * 100 * 150 = 1.5e6 multiply-adds: two blocks of 48 and 52 columns are below 1e6.
        GemmPartition partition = GemmPartition.plan(100, 100, 150, 4, MIN_BLOCK);
        assertFalse(partition.isSplit());
        assertEquals(1, partition.blockCount());
    }

    @Test
    void smallestBlockMeetsMinimum() {
        // 17 columns are tiles of 16 and 1: the 1-column block has 20 * 4000 = 8e4 multiply-adds.
        assertEquals(1, GemmPartition.plan(20, 17, 4000, 2, MIN_BLOCK).blockCount());
        // With 48 columns, three blocks of 16 columns have 1.28e6 each.
        assertEquals(3, GemmPartition.plan(20, 48, 4000, 4, MIN_BLOCK).blockCount());
    }

    @Test
    void singleWorkerNeverSplits() {
        assertEquals(1, GemmPartition.plan(1024, 1024, 1024, 1, MIN_BLOCK).blockCount());
    }

    @Test
    void emptyProductIsNotSplit() {
        assertEquals(1, GemmPartition.plan(0, 500, 500, 4, 1).blockCount());
        assertEquals(1, GemmPartition.plan(500, 500, 0, 4, 1).blockCount());
    }

    @Test
    void widerResultSplitsByColumns() {
        GemmPartition partition = GemmPartition.plan(128, 1000, 800, 2, MIN_BLOCK);
        assertEquals(GemmPartition.Axis.COLUMNS, partition.axis());
        assertEquals(2, partition.blockCount());
        assertEquals(1000, partition.length());
    }

    @Test
    void tallerResultSplitsByRows() {
        GemmPartition partition = GemmPartition.plan(1000, 800, 128, 2, MIN_BLOCK);
        assertEquals(GemmPartition.Axis.ROWS, partition.axis());
        assertEquals(1000, partition.length());
    }

    @Test
    void squareResultSplitsByColumns() {
        assertEquals(GemmPartition.Axis.COLUMNS, GemmPartition.plan(512, 512, 512, 2, MIN_BLOCK).axis());
    }

    @Test
    void tieAxisAppliesOnlyToSquare() {
        var rows = GemmPartition.Axis.ROWS;
        assertEquals(rows, GemmPartition.plan(512, 512, 512, 2, MIN_BLOCK, rows).axis());
        assertEquals(GemmPartition.Axis.COLUMNS, GemmPartition.plan(512, 513, 512, 2, MIN_BLOCK, rows).axis());
        assertEquals(2, GemmPartition.plan(512, 512, 512, 2, MIN_BLOCK, rows).blockCount());
    }

    @Test
    void blockCountLimitedByWork() {
        // Four blocks of 350 columns would have 80 to 96 columns, the smallest 8e5 multiply-adds.
        // Three have 112 to 126 columns, at least 1.12e6 multiply-adds each.
        assertEquals(3, GemmPartition.plan(100, 350, 100, 4, MIN_BLOCK).blockCount());
    }

    @Test
    void blockCountLimitedByAlignedTiles() {
        // 40 columns are three tiles of 16 (16, 16, 8), so at most three blocks.
        GemmPartition partition = GemmPartition.plan(20, 40, 1_000_000, 8, MIN_BLOCK);
        assertEquals(3, partition.blockCount());
        assertEquals(GemmPartition.Axis.COLUMNS, partition.axis());
    }

    @Test
    void narrowResultKeepsOneBlock() {
        // m and n both fit in one tile of 16, so no block can start on an aligned boundary.
        assertEquals(1, GemmPartition.plan(16, 9, 10_000_000, 4, MIN_BLOCK).blockCount());
    }

    @Test
    void blocksCoverResultOnAlignedBoundaries() {
        int[] lengths = {17, 33, 100, 129, 1000, 1023, 73_728};
        for (int length : lengths) {
            for (int workers = 1; workers <= 7; workers++) {
                GemmPartition partition = GemmPartition.plan(1, length, 1, workers, 1);
                int blocks = partition.blockCount();
                assertEquals(0, partition.start(0), "length " + length + ", workers " + workers);
                assertEquals(length, partition.start(blocks), "length " + length + ", workers " + workers);
                for (int block = 0; block < blocks; block++) {
                    int start = partition.start(block);
                    int end = partition.start(block + 1);
                    String where = "length " + length + ", workers " + workers + ", block " + block;
                    assertTrue(end > start, where + ": empty block [" + start + ", " + end + ")");
                    assertEquals(0, start % GemmPartition.ALIGNMENT, where + ": start " + start);
                    if (block < blocks - 1) {
                        assertEquals(0, end % GemmPartition.ALIGNMENT, where + ": end " + end);
                    }
                }
            }
        }
    }

    @Test
    void blocksDifferByAtMostOneTile() {
        GemmPartition partition = GemmPartition.plan(1, 1000, 1, 3, 1);
        // 1000 columns are 63 tiles: 21 per block, the last one 8 columns short.
        assertEquals(3, partition.blockCount());
        assertEquals(336, partition.start(1));
        assertEquals(672, partition.start(2));
        assertEquals(1000, partition.start(3));
    }
}
