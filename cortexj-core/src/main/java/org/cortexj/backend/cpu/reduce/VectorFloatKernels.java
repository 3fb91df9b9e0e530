package org.cortexj.backend.cpu.reduce;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Float kernels on the incubating Vector API ({@code jdk.incubator.vector}).
 *
 * <p>Load this class only after checking that the module is readable, as
 * {@link KernelProvider} does. The lane sums compute exactly the lane layout of
 * {@link ScalarFloatKernels}: a lane group of {@link FloatSummation#LANES} floats is covered by
 * {@code LANES / WIDTH} vectors, read four at a time, so both implementations return
 * bit-identical sums on any vector width.
 */
final class VectorFloatKernels implements FloatKernels {

    /**
     * The preferred species, capped at 512 bits so that one pass of four vectors never spans
     * more than one lane group.
     */
    static final VectorSpecies<Float> SPECIES = chooseSpecies();

    private static final int WIDTH = SPECIES.length();
    private static final int PASS = 4 * WIDTH;
    private static final int LANES = FloatSummation.LANES;

    private static VectorSpecies<Float> chooseSpecies() {
        VectorSpecies<Float> preferred = FloatVector.SPECIES_PREFERRED;
        return preferred.vectorBitSize() > 512 ? FloatVector.SPECIES_512 : preferred;
    }

    @Override
    public void blockLaneSums(float[] a, int from, int length, float[] lanes, int lanesOffset) {
        int groups = length / LANES;
        int groupsEnd = from + groups * LANES;
        FloatVector identity = FloatVector.broadcast(SPECIES, -0.0f);

        // Each pass keeps four vectors of lanes in registers while it reads every lane group.
        for (int pass = 0; pass < LANES; pass += PASS) {
            FloatVector sum0 = identity;
            FloatVector sum1 = identity;
            FloatVector sum2 = identity;
            FloatVector sum3 = identity;
            for (int group = 0; group < groups; group++) {
                int i = from + group * LANES + pass;
                sum0 = sum0.add(FloatVector.fromArray(SPECIES, a, i));
                sum1 = sum1.add(FloatVector.fromArray(SPECIES, a, i + WIDTH));
                sum2 = sum2.add(FloatVector.fromArray(SPECIES, a, i + 2 * WIDTH));
                sum3 = sum3.add(FloatVector.fromArray(SPECIES, a, i + 3 * WIDTH));
            }
            storeLanes(sum0, sum1, sum2, sum3, lanes, lanesOffset + pass);
        }

        FloatSummation.addTail(a, groupsEnd, from + length - groupsEnd, lanes, lanesOffset);
    }

    @Override
    public void blockLaneSquaredDeviations(
            float[] a, int from, int length, float center, float[] lanes, int lanesOffset) {
        int groups = length / LANES;
        int groupsEnd = from + groups * LANES;
        FloatVector identity = FloatVector.broadcast(SPECIES, -0.0f);
        FloatVector centers = FloatVector.broadcast(SPECIES, center);

        for (int pass = 0; pass < LANES; pass += PASS) {
            FloatVector sum0 = identity;
            FloatVector sum1 = identity;
            FloatVector sum2 = identity;
            FloatVector sum3 = identity;
            for (int group = 0; group < groups; group++) {
                int i = from + group * LANES + pass;
                sum0 = addSquaredDeviation(sum0, a, i, centers);
                sum1 = addSquaredDeviation(sum1, a, i + WIDTH, centers);
                sum2 = addSquaredDeviation(sum2, a, i + 2 * WIDTH, centers);
                sum3 = addSquaredDeviation(sum3, a, i + 3 * WIDTH, centers);
            }
            storeLanes(sum0, sum1, sum2, sum3, lanes, lanesOffset + pass);
        }

        FloatSummation.addSquaredDeviationTail(
                a, groupsEnd, from + length - groupsEnd, center, lanes, lanesOffset);
    }

    /** Returns {@code sum + (a[i..] - centers)^2} with a separate multiply and add, no FMA. */
    private static FloatVector addSquaredDeviation(
            FloatVector sum, float[] a, int index, FloatVector centers) {
        FloatVector deviation = FloatVector.fromArray(SPECIES, a, index).sub(centers);
        return sum.add(deviation.mul(deviation));
    }

    private static void storeLanes(FloatVector sum0, FloatVector sum1, FloatVector sum2,
            FloatVector sum3, float[] lanes, int offset) {
        sum0.intoArray(lanes, offset);
        sum1.intoArray(lanes, offset + WIDTH);
        sum2.intoArray(lanes, offset + 2 * WIDTH);
        sum3.intoArray(lanes, offset + 3 * WIDTH);
    }

    /*
     * The order of the comparisons in max and min does not matter: Math.max and Math.min,
     * which the vector MAX and MIN follow, are associative and commutative, because any NaN
     * gives NaN and -0.0 is ordered below +0.0. Each method spells out its operator so that
     * HotSpot sees a constant, which it needs to compile a Vector API operation to SIMD code.
     */

    @Override
    public float max(float[] a, int from, int length) {
        FloatVector result0 = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
        FloatVector result1 = result0;
        FloatVector result2 = result0;
        FloatVector result3 = result0;
        int end = from + length;
        int i = from;
        for (; i < end - length % PASS; i += PASS) {
            result0 = result0.max(FloatVector.fromArray(SPECIES, a, i));
            result1 = result1.max(FloatVector.fromArray(SPECIES, a, i + WIDTH));
            result2 = result2.max(FloatVector.fromArray(SPECIES, a, i + 2 * WIDTH));
            result3 = result3.max(FloatVector.fromArray(SPECIES, a, i + 3 * WIDTH));
        }
        for (; i < end - length % WIDTH; i += WIDTH) {
            result0 = result0.max(FloatVector.fromArray(SPECIES, a, i));
        }

        float result = result0.max(result1).max(result2.max(result3))
                .reduceLanes(VectorOperators.MAX);
        for (; i < end; i++) {
            result = Math.max(result, a[i]);
        }
        return result;
    }

    @Override
    public float min(float[] a, int from, int length) {
        FloatVector result0 = FloatVector.broadcast(SPECIES, Float.POSITIVE_INFINITY);
        FloatVector result1 = result0;
        FloatVector result2 = result0;
        FloatVector result3 = result0;
        int end = from + length;
        int i = from;
        for (; i < end - length % PASS; i += PASS) {
            result0 = result0.min(FloatVector.fromArray(SPECIES, a, i));
            result1 = result1.min(FloatVector.fromArray(SPECIES, a, i + WIDTH));
            result2 = result2.min(FloatVector.fromArray(SPECIES, a, i + 2 * WIDTH));
            result3 = result3.min(FloatVector.fromArray(SPECIES, a, i + 3 * WIDTH));
        }
        for (; i < end - length % WIDTH; i += WIDTH) {
            result0 = result0.min(FloatVector.fromArray(SPECIES, a, i));
        }

        float result = result0.min(result1).min(result2.min(result3))
                .reduceLanes(VectorOperators.MIN);
        for (; i < end; i++) {
            result = Math.min(result, a[i]);
        }
        return result;
    }

    @Override
    public int firstIndexOf(float[] a, int from, int length, float target) {
        boolean matchNaN = Float.isNaN(target);
        int bound = SPECIES.loopBound(length);
        int i = 0;
        for (; i < bound; i += WIDTH) {
            FloatVector values = FloatVector.fromArray(SPECIES, a, from + i);
            VectorMask<Float> matches =
                    matchNaN ? values.test(VectorOperators.IS_NAN) : values.eq(target);
            if (matches.anyTrue()) {
                return i + matches.firstTrue();
            }
        }
        for (; i < length; i++) {
            float value = a[from + i];
            if (value == target || (matchNaN && Float.isNaN(value))) {
                return i;
            }
        }
        return -1;
    }
}
