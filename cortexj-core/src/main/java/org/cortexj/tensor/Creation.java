package org.cortexj.tensor;

import org.cortexj.backend.Backend;
import org.cortexj.backend.Buffer;
import org.cortexj.backend.DataType;
import org.cortexj.backend.Layout;

/** Factories behind the static creation methods of {@link Tensor}. */
final class Creation {

    private Creation() {
    }

    static Tensor full(double value, DataType dataType, int... shape) {
        Shape checked = Shape.of(shape);
        Backend backend = DefaultBackend.get();
        Buffer buffer = backend.allocate(dataType, checked.size());
        Tensor tensor = Tensor.realized(backend, new Storage(buffer), Layout.contiguous(checked.dims()), dataType);
        // Compare bits, not values, because -0.0 == 0 is true but a fresh buffer contains +0.0.
        if (Double.doubleToRawLongBits(value) != 0) {
            if (dataType.isFloatingPoint()) {
                tensor.fill(value);
            } else {
                for (int i = 0; i < checked.size(); i++) {
                    backend.set(buffer, i, value);
                }
            }
        }
        return tensor;
    }

    static Tensor of(float[] data, int... shape) {
        Shape checked = checkLength("of", data.length, shape);
        Backend backend = DefaultBackend.get();
        return Tensor.realized(backend, new Storage(backend.wrap(data)), Layout.contiguous(checked.dims()),
                DataType.FLOAT32);
    }

    static Tensor of(double[] data, int... shape) {
        Shape checked = checkLength("of", data.length, shape);
        Backend backend = DefaultBackend.get();
        return Tensor.realized(backend, new Storage(backend.wrap(data)), Layout.contiguous(checked.dims()),
                DataType.FLOAT64);
    }

    static Tensor of(int[] data, int... shape) {
        Shape checked = checkLength("of", data.length, shape);
        Backend backend = DefaultBackend.get();
        return Tensor.realized(backend, new Storage(backend.wrap(data)), Layout.contiguous(checked.dims()),
                DataType.INT32);
    }

    static Tensor matrix(float[][] rows) {
        int columns = checkRows(rows.length, rows.length == 0 ? 0 : rows[0].length);
        float[] data = new float[rows.length * columns];
        for (int i = 0; i < rows.length; i++) {
            checkRowLength(i, rows[i].length, columns);
            System.arraycopy(rows[i], 0, data, i * columns, columns);
        }
        return of(data, rows.length, columns);
    }

    static Tensor matrix(double[][] rows) {
        int columns = checkRows(rows.length, rows.length == 0 ? 0 : rows[0].length);
        double[] data = new double[rows.length * columns];
        for (int i = 0; i < rows.length; i++) {
            checkRowLength(i, rows[i].length, columns);
            System.arraycopy(rows[i], 0, data, i * columns, columns);
        }
        return of(data, rows.length, columns);
    }

    private static int checkRows(int rows, int columns) {
        return columns;
    }

    private static void checkRowLength(int row, int length, int columns) {
        if (length != columns) {
            throw new IllegalArgumentException("matrix: row " + row + " has " + length
                    + " values but row 0 has " + columns + "; all rows need the same length");
        }
    }

    private static Shape checkLength(String operation, int length, int[] shape) {
        Shape checked = Shape.of(shape);
        if (checked.size() != length) {
            throw new IllegalArgumentException(operation + ": " + length + " values do not fill shape " + checked
                    + ", which needs " + checked.size());
        }
        return checked;
    }

    static Tensor arange(double start, double end, double step, DataType dataType) {
        if (step == 0 || Double.isNaN(step)) {
            throw new IllegalArgumentException("arange: step must be nonzero, got " + step);
        }
        double span = Math.ceil((end - start) / step);
        if (Double.isNaN(span) || span > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("arange: start " + start + ", end " + end + ", step " + step
                    + " give too many values");
        }
        int count = (int) Math.max(0, span);
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = start + i * step;
        }
        return fromDoubles(values, dataType, count);
    }

    static Tensor linspace(double start, double end, int count, DataType dataType) {
        if (count < 0) {
            throw new IllegalArgumentException("linspace: count must be >= 0, got " + count);
        }
        double[] values = new double[count];
        double step = count > 1 ? (end - start) / (count - 1) : 0;
        for (int i = 0; i < count; i++) {
            // The last value is end exactly, not start + (count - 1) * step with its rounding.
            values[i] = i == count - 1 && count > 1 ? end : start + i * step;
        }
        return fromDoubles(values, dataType, count);
    }

    static Tensor uniform(Generator generator, double low, double high, DataType dataType, int... shape) {
        if (!(low < high) || Double.isInfinite(high - low)) {
            throw new IllegalArgumentException("uniform: need finite low < high, got low " + low + ", high " + high);
        }
        Shape checked = Shape.of(shape);
        long first = generator.reserve(checked.size());
        double[] values = new double[checked.size()];
        double top = largestBelow(high, dataType);
        for (int i = 0; i < values.length; i++) {
            // low + (high - low)·u can round up to high, in double or when converted to float32.
            values[i] = Math.min(low + (high - low) * generator.uniformDouble(first + i), top);
        }
        return fromDoubles(values, dataType, shape);
    }

    /** Returns the largest value of {@code dataType} strictly below {@code high}. */
    private static double largestBelow(double high, DataType dataType) {
        if (dataType != DataType.FLOAT32) {
            return Math.nextDown(high);
        }
        float top = (float) high;
        while (top >= high) {
            top = Math.nextDown(top);
        }
        return top;
    }

    /** Normal values by the Box–Muller transform, two per pair of uniform draws. */
    static Tensor normal(Generator generator, double mean, double std, DataType dataType, int... shape) {
        if (!(std >= 0) || Double.isInfinite(std)) {
            throw new IllegalArgumentException("normal: std must be finite and >= 0, got " + std);
        }
        Shape checked = Shape.of(shape);
        int count = checked.size();
        int pairs = (count + 1) / 2;
        long first = generator.reserve(2L * pairs);
        double[] values = new double[count];
        for (int pair = 0; pair < pairs; pair++) {
            // 1 - u lies in (0, 1], so the logarithm is finite.
            double radius = Math.sqrt(-2.0 * Math.log(1.0 - generator.uniformDouble(first + 2L * pair)));
            double angle = 2.0 * Math.PI * generator.uniformDouble(first + 2L * pair + 1);
            values[2 * pair] = mean + std * radius * Math.cos(angle);
            if (2 * pair + 1 < count) {
                values[2 * pair + 1] = mean + std * radius * Math.sin(angle);
            }
        }
        return fromDoubles(values, dataType, shape);
    }

    static Tensor bernoulli(Generator generator, double p, DataType dataType, int... shape) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("bernoulli: probability p must be in [0, 1], got " + p);
        }
        Shape checked = Shape.of(shape);
        long first = generator.reserve(checked.size());
        double[] values = new double[checked.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = generator.uniformDouble(first + i) < p ? 1 : 0;
        }
        return fromDoubles(values, dataType, shape);
    }

    private static Tensor fromDoubles(double[] values, DataType dataType, int... shape) {
        switch (dataType) {
            case FLOAT64:
                return of(values, shape);
            case FLOAT32: {
                float[] floats = new float[values.length];
                for (int i = 0; i < values.length; i++) {
                    floats[i] = (float) values[i];
                }
                return of(floats, shape);
            }
            default: {
                int[] ints = new int[values.length];
                for (int i = 0; i < values.length; i++) {
                    ints[i] = (int) values[i];
                }
                return of(ints, shape);
            }
        }
    }
}
