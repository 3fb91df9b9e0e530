package org.cortexj.tensor;

import java.util.Locale;
import org.cortexj.backend.DataType;

/**
 * Prints tensors as NumPy does: nested brackets, values aligned in columns, and only the first
 * and last {@value #EDGE_ITEMS} entries of each axis once a tensor has more than
 * {@value #SUMMARY_THRESHOLD} elements.
 */
final class TensorFormatter {

    static final int EDGE_ITEMS = 3;
    static final int SUMMARY_THRESHOLD = 1000;

    private TensorFormatter() {
    }

    static String format(Tensor tensor) {
        StringBuilder text = new StringBuilder("tensor(");
        double[] values = tensor.toDoubleArray();
        boolean summarize = values.length > SUMMARY_THRESHOLD;
        int[] dims = tensor.shape().dims();
        boolean integral = tensor.dataType() == DataType.INT32 || allIntegral(values);
        int width = 0;
        for (double value : values) {
            width = Math.max(width, formatValue(value, integral).length());
        }
        appendAxis(text, values, dims, 0, 0, summarize, integral, width, "tensor(".length() + 1);
        text.append(", shape=").append(tensor.shape()).append(", dtype=").append(tensor.dataType()).append(')');
        return text.toString();
    }

    private static void appendAxis(StringBuilder text, double[] values, int[] dims, int axis, int offset,
                                   boolean summarize, boolean integral, int width, int indent) {
        if (axis == dims.length) {
            text.append(pad(formatValue(values[offset], integral), width));
            return;
        }
        int stride = 1;
        for (int a = axis + 1; a < dims.length; a++) {
            stride *= dims[a];
        }
        text.append('[');
        int size = dims[axis];
        for (int i = 0; i < size; i++) {
            if (summarize && size > 2 * EDGE_ITEMS && i == EDGE_ITEMS) {
                text.append(axis == dims.length - 1 ? "..., " : "...,\n" + " ".repeat(indent + axis));
                i = size - EDGE_ITEMS - 1;
                continue;
            }
            appendAxis(text, values, dims, axis + 1, offset + i * stride, summarize, integral, width, indent);
            if (i < size - 1) {
                text.append(axis == dims.length - 1 ? ", " : ",\n" + " ".repeat(indent + axis));
            }
        }
        text.append(']');
    }

    private static boolean allIntegral(double[] values) {
        for (double value : values) {
            if (Double.isFinite(value) && value != Math.rint(value)) {
                return false;
            }
        }
        return true;
    }

    private static String formatValue(double value, boolean integral) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (integral) {
            return String.format(Locale.ROOT, "%.0f.", value).replace("-0.", value == 0 ? "-0." : "-0.");
        }
        double magnitude = Math.abs(value);
        if (magnitude != 0 && (magnitude >= 1e8 || magnitude < 1e-4)) {
            return String.format(Locale.ROOT, "%.4e", value);
        }
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static String pad(String value, int width) {
        return value.length() >= width ? value : " ".repeat(width - value.length()) + value;
    }
}
