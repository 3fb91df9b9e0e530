package org.cortexj.backend.cpu;

import java.util.ArrayList;
import java.util.List;
import org.cortexj.backend.Layout;

/**
 * Several layouts of one shape, with size-1 axes dropped and neighbouring axes merged wherever
 * every layout steps through them as one. Most elementwise work collapses to rank 1, where each
 * operand is a plain run of memory, a broadcast scalar or a single stride.
 *
 * @param shape collapsed shape, rank at least 1
 * @param strides strides[operand][axis] over the collapsed shape
 * @param offsets offset of each operand
 */
record CollapsedLayouts(int[] shape, int[][] strides, int[] offsets) {

    static CollapsedLayouts of(Layout... layouts) {
        int[] shape = layouts[0].shape();
        List<Integer> axes = new ArrayList<>();
        for (int axis = 0; axis < shape.length; axis++) {
            if (shape[axis] != 1) {
                axes.add(axis);
            }
        }
        int operands = layouts.length;
        int[] offsets = new int[operands];
        for (int k = 0; k < operands; k++) {
            offsets[k] = layouts[k].offset();
        }
        if (axes.isEmpty() || sizeOf(shape) == 0) {
            int size = sizeOf(shape);
            int[][] strides = new int[operands][];
            for (int k = 0; k < operands; k++) {
                strides[k] = new int[] {1};
            }
            return new CollapsedLayouts(new int[] {size}, strides, offsets);
        }
        return merge(layouts, shape, axes, offsets);
    }

    private static CollapsedLayouts merge(Layout[] layouts, int[] shape, List<Integer> axes, int[] offsets) {
        int operands = layouts.length;
        List<Integer> mergedSizes = new ArrayList<>();
        List<int[]> mergedStrides = new ArrayList<>();
        for (int position = axes.size() - 1; position >= 0; position--) {
            int axis = axes.get(position);
            int[] axisStrides = new int[operands];
            for (int k = 0; k < operands; k++) {
                axisStrides[k] = layouts[k].strides()[axis];
            }
            if (!mergedSizes.isEmpty() && canMerge(axisStrides, mergedStrides.get(0), mergedSizes.get(0))) {
                mergedSizes.set(0, mergedSizes.get(0) * shape[axis]);
            } else {
                mergedSizes.add(0, shape[axis]);
                mergedStrides.add(0, axisStrides);
            }
        }
        int rank = mergedSizes.size();
        int[] collapsedShape = new int[rank];
        int[][] strides = new int[operands][rank];
        for (int axis = 0; axis < rank; axis++) {
            collapsedShape[axis] = mergedSizes.get(axis);
            for (int k = 0; k < operands; k++) {
                strides[k][axis] = mergedStrides.get(axis)[k];
            }
        }
        return new CollapsedLayouts(collapsedShape, strides, offsets);
    }

    /** An outer axis joins the inner one when each of its strides spans the whole inner axis. */
    private static boolean canMerge(int[] outerStrides, int[] innerStrides, int innerSize) {
        for (int k = 0; k < outerStrides.length; k++) {
            if (outerStrides[k] != innerStrides[k] * innerSize) {
                return false;
            }
        }
        return true;
    }

    private static int sizeOf(int[] shape) {
        int size = 1;
        for (int dim : shape) {
            size *= dim;
        }
        return size;
    }

    int rank() {
        return shape.length;
    }

    int size() {
        return sizeOf(shape);
    }

    /** Whether operand k is one unit-stride run of memory. */
    boolean isRun(int k) {
        return shape.length == 1 && strides[k][0] == 1;
    }

    /** Whether operand k repeats one element everywhere. */
    boolean isBroadcastScalar(int k) {
        for (int stride : strides[k]) {
            if (stride != 0) {
                return false;
            }
        }
        return true;
    }
}
