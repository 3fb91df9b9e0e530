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

    /*
     * Vector values never cross a method boundary here. HotSpot does not always inline small
     * helpers into these kernels, and a vector passed to a method that was not inlined is
     * boxed on the heap, which made the sum several times slower in some JDK 17 runs.
     */

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

    /*
     * The lane sums start from each pass's first lane group rather than from -0.0 vectors.
     * That gives the same bits, because -0.0 + x == x, and it keeps every accumulator the
     * direct result of a Vector API intrinsic. With a broadcast start value, HotSpot (JDK 17)
     * sometimes lost the exact vector class, boxed the accumulators and stored them slowly.
     */

    @Override
    public void blockLaneSums(float[] a, int from, int length, float[] lanes, int lanesOffset) {
        int groups = length / LANES;
        int groupsEnd = from + groups * LANES;
        if (groups == 0) {
            FloatSummation.clearLanes(lanes, lanesOffset);
        }

        // Each pass keeps four vectors of lanes in registers while it reads every lane group.
        for (int pass = 0; groups > 0 && pass < LANES; pass += PASS) {
            int first = from + pass;
            FloatVector sum0 = FloatVector.fromArray(SPECIES, a, first);
            FloatVector sum1 = FloatVector.fromArray(SPECIES, a, first + WIDTH);
            FloatVector sum2 = FloatVector.fromArray(SPECIES, a, first + 2 * WIDTH);
            FloatVector sum3 = FloatVector.fromArray(SPECIES, a, first + 3 * WIDTH);
            for (int group = 1; group < groups; group++) {
                int i = first + group * LANES;
                sum0 = sum0.add(FloatVector.fromArray(SPECIES, a, i));
                sum1 = sum1.add(FloatVector.fromArray(SPECIES, a, i + WIDTH));
                sum2 = sum2.add(FloatVector.fromArray(SPECIES, a, i + 2 * WIDTH));
                sum3 = sum3.add(FloatVector.fromArray(SPECIES, a, i + 3 * WIDTH));
            }
            sum0.intoArray(lanes, lanesOffset + pass);
            sum1.intoArray(lanes, lanesOffset + pass + WIDTH);
            sum2.intoArray(lanes, lanesOffset + pass + 2 * WIDTH);
            sum3.intoArray(lanes, lanesOffset + pass + 3 * WIDTH);
        }

        FloatSummation.addTail(a, groupsEnd, from + length - groupsEnd, lanes, lanesOffset);
    }

    @Override
    public void blockLaneSquaredDeviations(
            float[] a, int from, int length, float center, float[] lanes, int lanesOffset) {
        int groups = length / LANES;
        int groupsEnd = from + groups * LANES;
        if (groups == 0) {
            FloatSummation.clearLanes(lanes, lanesOffset);
        }
        FloatVector centers = FloatVector.broadcast(SPECIES, center);

        // d = a[i..] - center. A separate multiply and add, not an FMA, rounds as the scalar
        // kernels do.
        for (int pass = 0; groups > 0 && pass < LANES; pass += PASS) {
            int first = from + pass;
            FloatVector d0 = FloatVector.fromArray(SPECIES, a, first).sub(centers);
            FloatVector d1 = FloatVector.fromArray(SPECIES, a, first + WIDTH).sub(centers);
            FloatVector d2 = FloatVector.fromArray(SPECIES, a, first + 2 * WIDTH).sub(centers);
            FloatVector d3 = FloatVector.fromArray(SPECIES, a, first + 3 * WIDTH).sub(centers);
            FloatVector sum0 = d0.mul(d0);
            FloatVector sum1 = d1.mul(d1);
            FloatVector sum2 = d2.mul(d2);
            FloatVector sum3 = d3.mul(d3);
            for (int group = 1; group < groups; group++) {
                int i = first + group * LANES;
                d0 = FloatVector.fromArray(SPECIES, a, i).sub(centers);
                d1 = FloatVector.fromArray(SPECIES, a, i + WIDTH).sub(centers);
                d2 = FloatVector.fromArray(SPECIES, a, i + 2 * WIDTH).sub(centers);
                d3 = FloatVector.fromArray(SPECIES, a, i + 3 * WIDTH).sub(centers);
                sum0 = sum0.add(d0.mul(d0));
                sum1 = sum1.add(d1.mul(d1));
                sum2 = sum2.add(d2.mul(d2));
                sum3 = sum3.add(d3.mul(d3));
            }
            sum0.intoArray(lanes, lanesOffset + pass);
            sum1.intoArray(lanes, lanesOffset + pass + WIDTH);
            sum2.intoArray(lanes, lanesOffset + pass + 2 * WIDTH);
            sum3.intoArray(lanes, lanesOffset + pass + 3 * WIDTH);
        }

        FloatSummation.addSquaredDeviationTail(
                a, groupsEnd, from + length - groupsEnd, center, lanes, lanesOffset);
    }

    /*
     * The order of the comparisons in max and min does not matter: Math.max and Math.min,
     * which the vector MAX and MIN follow, are associative and commutative, because any NaN
     * gives NaN and -0.0 is ordered below +0.0. Each method spells out its operator, because
     * HotSpot compiles a Vector API operation to SIMD code only for a constant operator.
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
