package org.cortexj.backend.cpu.reduce;

/**
 * Double kernels in plain Java, used when the Vector API is unavailable or disabled.
 *
 * <p>The lane methods keep the {@link DoubleSummation#LANES} lane accumulators in an array and
 * update them element by element, which is the lane layout the SIMD kernels compute with
 * vectors, so both give bit-identical sums.
 */
final class ScalarDoubleKernels implements DoubleKernels {

    private static final int LANES = DoubleSummation.LANES;

    @Override
    public void blockLaneSums(double[] a, int from, int length, double[] lanes, int lanesOffset) {
        DoubleSummation.clearLanes(lanes, lanesOffset);
        int groupsEnd = from + (length / LANES) * LANES;
        for (int group = from; group < groupsEnd; group += LANES) {
            for (int j = 0; j < LANES; j++) {
                lanes[lanesOffset + j] += a[group + j];
            }
        }
        DoubleSummation.addTail(a, groupsEnd, from + length - groupsEnd, lanes, lanesOffset);
    }

    @Override
    public void blockLaneSquaredDeviations(
            double[] a, int from, int length, double center, double[] lanes, int lanesOffset) {
        DoubleSummation.clearLanes(lanes, lanesOffset);
        int groupsEnd = from + (length / LANES) * LANES;
        for (int group = from; group < groupsEnd; group += LANES) {
            for (int j = 0; j < LANES; j++) {
                double deviation = a[group + j] - center;
                lanes[lanesOffset + j] += deviation * deviation;
            }
        }
        DoubleSummation.addSquaredDeviationTail(
                a, groupsEnd, from + length - groupsEnd, center, lanes, lanesOffset);
    }

    @Override
    public double max(double[] a, int from, int length) {
        double result = a[from];
        for (int i = from + 1; i < from + length; i++) {
            result = Math.max(result, a[i]);
        }
        return result;
    }

    @Override
    public double min(double[] a, int from, int length) {
        double result = a[from];
        for (int i = from + 1; i < from + length; i++) {
            result = Math.min(result, a[i]);
        }
        return result;
    }

    @Override
    public int firstIndexOf(double[] a, int from, int length, double target) {
        boolean matchNaN = Double.isNaN(target);
        for (int i = 0; i < length; i++) {
            double value = a[from + i];
            if (value == target || (matchNaN && Double.isNaN(value))) {
                return i;
            }
        }
        return -1;
    }
}
