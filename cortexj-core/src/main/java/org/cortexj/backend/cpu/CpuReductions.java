package org.cortexj.backend.cpu;

import org.cortexj.backend.ReduceOp;

/** Row reductions of the CPU backend, parallel over rows. */
final class CpuReductions {

    private final WorkerPool pool;

    CpuReductions(WorkerPool pool) {
        this.pool = pool;
    }

    void reduceRows(ReduceOp op, CpuBuffer input, int inputOffset, int rows, int rowLength,
                    CpuBuffer output, int outputOffset, int correction) {
        // TODO: replace with the blocked SIMD kernels
        double[] values = new double[rowLength];
        for (int row = 0; row < rows; row++) {
            for (int i = 0; i < rowLength; i++) {
                values[i] = CpuBackend.read(input.array(), inputOffset + row * rowLength + i);
            }
            double result = reduce(op, values, correction);
            Object out = output.array();
            if (out instanceof float[] f) {
                f[outputOffset + row] = (float) result;
            } else if (out instanceof double[] d) {
                d[outputOffset + row] = result;
            } else {
                ((int[]) out)[outputOffset + row] = (int) result;
            }
        }
    }

    private static double reduce(ReduceOp op, double[] v, int correction) {
        int n = v.length;
        switch (op) {
            case SUM: { double s = 0; for (double x : v) s += x; return s; }
            case MEAN: { double s = 0; for (double x : v) s += x; return s / n; }
            case MAX: { if (n == 0) throw new IllegalArgumentException("max: empty"); double m = v[0]; for (double x : v) { if (x != x) return x; m = Math.max(m, x);} return m; }
            case MIN: { if (n == 0) throw new IllegalArgumentException("min: empty"); double m = v[0]; for (double x : v) { if (x != x) return x; m = Math.min(m, x);} return m; }
            case ARGMAX: { int b = 0; for (int i = 0; i < n; i++) { if (v[i] != v[i]) return i; if (v[i] > v[b]) b = i; } return b; }
            case ARGMIN: { int b = 0; for (int i = 0; i < n; i++) { if (v[i] != v[i]) return i; if (v[i] < v[b]) b = i; } return b; }
            default: { double s = 0; for (double x : v) s += x; double m = s / n; double q = 0; for (double x : v) q += (x - m) * (x - m); return q / (n - correction); }
        }
    }
}
