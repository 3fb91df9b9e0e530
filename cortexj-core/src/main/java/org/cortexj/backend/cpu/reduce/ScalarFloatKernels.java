package org.cortexj.backend.cpu.reduce;

/**
 * Float kernels in plain Java, used when the Vector API is unavailable or disabled.
 *
 * <p>The lane methods keep the {@link FloatSummation#LANES} lane accumulators in an array and
 * update them element by element, which is the lane layout the SIMD kernels compute with
 * vectors, so both give bit-identical sums.
 */
final class ScalarFloatKernels implements FloatKernels {

    private static final int LANES = FloatSummation.LANES;

    @Override
    public void blockLaneSums(float[] a, int from, int length, float[] lanes, int lanesOffset) {
        FloatSummation.clearLanes(lanes, lanesOffset);
        int groupsEnd = from + (length / LANES) * LANES;
        for (int group = from; group < groupsEnd; group += LANES) {
            for (int j = 0; j < LANES; j++) {
                lanes[lanesOffset + j] += a[group + j];
            }
        }
        FloatSummation.addTail(a, groupsEnd, from + length - groupsEnd, lanes, lanesOffset);
    }

    @Override
    public void blockLaneSquaredDeviations(
            float[] a, int from, int length, float center, float[] lanes, int lanesOffset) {
        FloatSummation.clearLanes(lanes, lanesOffset);
        int groupsEnd = from + (length / LANES) * LANES;
        for (int group = from; group < groupsEnd; group += LANES) {
            for (int j = 0; j < LANES; j++) {
                float deviation = a[group + j] - center;
                lanes[lanesOffset + j] += deviation * deviation;
            }
        }
        FloatSummation.addSquaredDeviationTail(
                a, groupsEnd, from + length - groupsEnd, center, lanes, lanesOffset);
    }

    @Override
    public float max(float[] a, int from, int length) {
        float result = a[from];
        for (int i = from + 1; i < from + length; i++) {
            result = Math.max(result, a[i]);
        }
        return result;
    }

    @Override
    public float min(float[] a, int from, int length) {
        float result = a[from];
        for (int i = from + 1; i < from + length; i++) {
            result = Math.min(result, a[i]);
        }
        return result;
    }

    @Override
    public int firstIndexOf(float[] a, int from, int length, float target) {
        boolean matchNaN = Float.isNaN(target);
        for (int i = 0; i < length; i++) {
            float value = a[from + i];
            if (value == target || (matchNaN && Float.isNaN(value))) {
                return i;
            }
        }
        return -1;
    }
}
