package org.cortexj.backend.cpu;

/**
 * Copies between strided views of heap arrays, converting between float, double and int
 * elements. Every gather, scatter and layout change of the CPU backend goes through
 * {@link #copyRange}.
 */
final class StridedCopy {

    private StridedCopy() {
    }

    /**
     * Copies the elements at row-major flat positions [start, start + length) of {@code shape}
     * from one strided view to another.
     *
     * @param source float[], double[] or int[]
     * @param target float[], double[] or int[]
     */
    static void copyRange(int[] shape, Object source, int sourceOffset, int[] sourceStrides,
                          Object target, int targetOffset, int[] targetStrides, int start, int length) {
        if (length == 0) {
            return;
        }
        int rank = shape.length;
        if (rank == 0) {
            copyRow(source, sourceOffset, 0, target, targetOffset, 0, 1);
            return;
        }
        int[] index = new int[rank];
        int remainder = start;
        for (int axis = rank - 1; axis >= 0; axis--) {
            index[axis] = remainder % shape[axis];
            remainder /= shape[axis];
        }
        int last = rank - 1;
        int remaining = length;
        while (remaining > 0) {
            int sourcePosition = sourceOffset;
            int targetPosition = targetOffset;
            for (int axis = 0; axis < rank; axis++) {
                sourcePosition += index[axis] * sourceStrides[axis];
                targetPosition += index[axis] * targetStrides[axis];
            }
            int run = Math.min(shape[last] - index[last], remaining);
            copyRow(source, sourcePosition, sourceStrides[last], target, targetPosition, targetStrides[last], run);
            remaining -= run;
            index[last] += run;
            for (int axis = last; axis > 0 && index[axis] == shape[axis]; axis--) {
                index[axis] = 0;
                index[axis - 1]++;
            }
        }
    }

    /** Copies {@code count} elements from one strided row to another, converting the type. */
    static void copyRow(Object source, int sourcePosition, int sourceStride,
                        Object target, int targetPosition, int targetStride, int count) {
        if (source instanceof float[] from) {
            copyFloats(from, sourcePosition, sourceStride, target, targetPosition, targetStride, count);
        } else if (source instanceof double[] from) {
            copyDoubles(from, sourcePosition, sourceStride, target, targetPosition, targetStride, count);
        } else {
            copyInts((int[]) source, sourcePosition, sourceStride, target, targetPosition, targetStride, count);
        }
    }

    private static void copyFloats(float[] from, int s, int sourceStride,
                                   Object target, int t, int targetStride, int count) {
        if (target instanceof float[] to) {
            if (sourceStride == 1 && targetStride == 1) {
                System.arraycopy(from, s, to, t, count);
                return;
            }
            for (int i = 0; i < count; i++, s += sourceStride, t += targetStride) {
                to[t] = from[s];
            }
        } else if (target instanceof double[] to) {
            for (int i = 0; i < count; i++, s += sourceStride, t += targetStride) {
                to[t] = from[s];
            }
        } else {
            int[] to = (int[]) target;
            for (int i = 0; i < count; i++, s += sourceStride, t += targetStride) {
                to[t] = (int) from[s];
            }
        }
    }

    private static void copyDoubles(double[] from, int s, int sourceStride,
                                    Object target, int t, int targetStride, int count) {
        if (target instanceof double[] to) {
            if (sourceStride == 1 && targetStride == 1) {
                System.arraycopy(from, s, to, t, count);
                return;
            }
            for (int i = 0; i < count; i++, s += sourceStride, t += targetStride) {
                to[t] = from[s];
            }
        } else if (target instanceof float[] to) {
            for (int i = 0; i < count; i++, s += sourceStride, t += targetStride) {
                to[t] = (float) from[s];
            }
        } else {
            int[] to = (int[]) target;
            for (int i = 0; i < count; i++, s += sourceStride, t += targetStride) {
                to[t] = (int) from[s];
            }
        }
    }

    private static void copyInts(int[] from, int s, int sourceStride,
                                 Object target, int t, int targetStride, int count) {
        if (target instanceof int[] to) {
            if (sourceStride == 1 && targetStride == 1) {
                System.arraycopy(from, s, to, t, count);
                return;
            }
            for (int i = 0; i < count; i++, s += sourceStride, t += targetStride) {
                to[t] = from[s];
            }
        } else if (target instanceof float[] to) {
            for (int i = 0; i < count; i++, s += sourceStride, t += targetStride) {
                to[t] = from[s];
            }
        } else {
            double[] to = (double[]) target;
            for (int i = 0; i < count; i++, s += sourceStride, t += targetStride) {
                to[t] = from[s];
            }
        }
    }
}
