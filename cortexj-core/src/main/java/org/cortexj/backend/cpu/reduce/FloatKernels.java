package org.cortexj.backend.cpu.reduce;

/**
 * Float kernels that differ between the scalar and the SIMD implementation.
 *
 * <p>Every method reads {@code length} elements of {@code a} starting at {@code from} and
 * assumes the caller checked the bounds. The lane methods must follow the lane layout of
 * {@link FloatSummation} exactly, so that both implementations give bit-identical sums.
 */
interface FloatKernels {

    /**
     * Writes the {@link FloatSummation#LANES} lane sums of one block to
     * {@code lanes[lanesOffset, lanesOffset + LANES)}.
     *
     * <p>Lane {@code j} starts at -0.0 and adds the block's elements {@code j, j + LANES,
     * j + 2 * LANES, ...} in that order, one rounding per addition. Lanes past the block's
     * last element keep -0.0, which leaves any value unchanged when added to it.
     *
     * @param length number of elements in the block, at most {@link FloatSummation#BLOCK}
     */
    void blockLaneSums(float[] a, int from, int length, float[] lanes, int lanesOffset);

    /**
     * Writes the lane sums of {@code (a[i] - center)^2} with the lane layout of
     * {@link #blockLaneSums}. Each term rounds the difference, then the square, then the sum,
     * with no fused multiply-add.
     */
    void blockLaneSquaredDeviations(
            float[] a, int from, int length, float center, float[] lanes, int lanesOffset);

    /**
     * Returns the maximum as {@link Math#max(float, float)} defines it: NaN if any element is
     * NaN, and +0.0 over -0.0. Requires {@code length >= 1}.
     */
    float max(float[] a, int from, int length);

    /**
     * Returns the minimum as {@link Math#min(float, float)} defines it: NaN if any element is
     * NaN, and -0.0 over +0.0. Requires {@code length >= 1}.
     */
    float min(float[] a, int from, int length);

    /**
     * Returns the index, relative to {@code from}, of the first element equal to
     * {@code target} under {@code ==}, so -0.0 and +0.0 match each other. A NaN target matches
     * the first NaN. Returns -1 when no element matches.
     */
    int firstIndexOf(float[] a, int from, int length, float target);
}
