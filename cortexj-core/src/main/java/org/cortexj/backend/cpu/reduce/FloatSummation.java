package org.cortexj.backend.cpu.reduce;

import java.util.Arrays;

/**
 * Blocked pairwise summation of float rows, shared by the scalar and the SIMD kernels.
 *
 * <p>The summation tree depends only on the row length:
 * <ol>
 *   <li>The row is cut into blocks of {@link #BLOCK} elements, counted from the row start. Only
 *       the last block may be shorter.</li>
 *   <li>In each block, {@link #LANES} lane accumulators each sum every {@code LANES}-th element
 *       in order (see {@link FloatKernels#blockLaneSums}), at most 16 additions per lane.</li>
 *   <li>A range of more than one block is split after its first {@code floor(blocks / 2)}
 *       blocks. The two halves are summed recursively and their lane sums added lane by
 *       lane.</li>
 *   <li>The lanes of the whole row are added by halving: lane {@code j} plus lane
 *       {@code j + 32}, then {@code j + 16}, down to {@code j + 1}.</li>
 * </ol>
 * An element thus passes through at most {@code 16 + ceil(log2(blocks)) + 6} roundings, so the
 * error of a sum of n elements is at most about {@code (22 + log2(n / 1024)) * 2^-24} times the
 * sum of the absolute values, against {@code n * 2^-24} for one running sum.
 *
 * <p>An instance owns scratch space sized for one row length and is not thread-safe.
 */
final class FloatSummation {

    /** Number of lane accumulators: four 512-bit vectors, or more of a smaller width. */
    static final int LANES = 64;

    /** Elements per block, 16 per lane. */
    static final int BLOCK = 1024;

    private final FloatKernels kernels;
    private final int rowLength;

    /** Lane sums, one group of {@link #LANES} per recursion level. */
    private final float[] scratch;

    FloatSummation(FloatKernels kernels, int rowLength) {
        this.kernels = kernels;
        this.rowLength = rowLength;
        this.scratch = new float[LANES * levelCount(rowLength)];
    }

    /** Returns the sum of {@code a[from, from + rowLength)}, -0.0 for a row of only -0.0. */
    float sum(float[] a, int from) {
        if (rowLength == 0) {
            return 0.0f;
        }
        if (rowLength <= LANES) {
            return shortRowSum(a, from, false, 0.0f);
        }
        laneSums(a, from, rowLength, 0, false, 0.0f);
        return reduceLanes(scratch, LANES);
    }

    /** Returns the sum of {@code (a[i] - center)^2} over the row, with the tree of {@link #sum}. */
    float sumOfSquaredDeviations(float[] a, int from, float center) {
        if (rowLength == 0) {
            return 0.0f;
        }
        if (rowLength <= LANES) {
            return shortRowSum(a, from, true, center);
        }
        laneSums(a, from, rowLength, 0, true, center);
        return reduceLanes(scratch, LANES);
    }

    /**
     * Sums a row of at most {@link #LANES} elements without the block kernels. Such a row has
     * one element per lane, and adding it to the lane's initial -0.0 leaves it unchanged, so
     * copying the terms into the lanes gives the kernels' bits. SIMD would not pay off here.
     */
    private float shortRowSum(float[] a, int from, boolean squaredDeviations, float center) {
        for (int j = 0; j < rowLength; j++) {
            float term = a[from + j];
            if (squaredDeviations) {
                float deviation = term - center;
                term = deviation * deviation;
            }
            scratch[j] = term;
        }
        return reduceLanes(scratch, rowLength);
    }

    /** Writes the lane sums of {@code a[from, from + length)} to lane group {@code level}. */
    private void laneSums(
            float[] a, int from, int length, int level, boolean squaredDeviations, float center) {
        int lanesOffset = level * LANES;
        if (length <= BLOCK) {
            if (squaredDeviations) {
                kernels.blockLaneSquaredDeviations(a, from, length, center, scratch, lanesOffset);
            } else {
                kernels.blockLaneSums(a, from, length, scratch, lanesOffset);
            }
            return;
        }

        int blocks = ceilDiv(length, BLOCK);
        int leftLength = (blocks / 2) * BLOCK;
        laneSums(a, from, leftLength, level, squaredDeviations, center);
        laneSums(a, from + leftLength, length - leftLength, level + 1, squaredDeviations, center);

        int rightOffset = lanesOffset + LANES;
        for (int j = 0; j < LANES; j++) {
            scratch[lanesOffset + j] += scratch[rightOffset + j];
        }
    }

    /**
     * Adds the first {@link #LANES} entries of {@code lanes} by halving and returns the total.
     * Lanes from {@code usedLanes} on are taken as -0.0, whatever they contain. The halving
     * steps that would add only such lanes are skipped, which changes no bit because adding
     * -0.0 leaves every value unchanged.
     */
    static float reduceLanes(float[] lanes, int usedLanes) {
        int width = LANES;
        while (width > 1 && width / 2 >= usedLanes) {
            width /= 2;
        }
        Arrays.fill(lanes, usedLanes, width, -0.0f);
        for (int half = width / 2; half >= 1; half /= 2) {
            for (int j = 0; j < half; j++) {
                lanes[j] += lanes[j + half];
            }
        }
        return lanes[0];
    }

    /**
     * Adds the last {@code count < LANES} elements of a block into lanes {@code 0..count-1}.
     * Both implementations finish a block with this loop.
     */
    static void addTail(float[] a, int from, int count, float[] lanes, int lanesOffset) {
        for (int j = 0; j < count; j++) {
            lanes[lanesOffset + j] += a[from + j];
        }
    }

    /** Adds the squared deviations of the last {@code count < LANES} elements of a block. */
    static void addSquaredDeviationTail(
            float[] a, int from, int count, float center, float[] lanes, int lanesOffset) {
        for (int j = 0; j < count; j++) {
            float deviation = a[from + j] - center;
            lanes[lanesOffset + j] += deviation * deviation;
        }
    }

    /** Sets one lane group to -0.0, the identity of floating-point addition. */
    static void clearLanes(float[] lanes, int lanesOffset) {
        Arrays.fill(lanes, lanesOffset, lanesOffset + LANES, -0.0f);
    }

    /** Returns the number of lane groups the recursion of {@link #laneSums} needs. */
    private static int levelCount(int rowLength) {
        int blocks = Math.max(1, ceilDiv(rowLength, BLOCK));
        return 1 + (32 - Integer.numberOfLeadingZeros(blocks - 1));
    }

    /** Returns {@code ceil(numerator / denominator)} for non-negative values, without overflow. */
    private static int ceilDiv(int numerator, int denominator) {
        int quotient = numerator / denominator;
        return numerator % denominator == 0 ? quotient : quotient + 1;
    }
}
