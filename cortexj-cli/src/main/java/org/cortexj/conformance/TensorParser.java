package org.cortexj.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Set;

/**
 * Parses a TENSOR object, {@code {"shape": [...], "data": [...], "dtype": ...}}, and checks it:
 * dimensions are non-negative integers, there are as many values as the shape needs, every value
 * is a number (or a non-finite string), int64 values are integers and bool values are 0 or 1.
 */
final class TensorParser {

    private static final Set<String> TENSOR_FIELDS = Set.of("shape", "data", "dtype", "data_omitted");

    private TensorParser() {
    }

    /** Returns whether {@code node} looks like a TENSOR: an object with a {@code shape} member. */
    static boolean isTensor(JsonNode node) {
        return node.isObject() && node.has("shape");
    }

    /**
     * Parses the TENSOR at {@code path}.
     *
     * @throws ReferenceFormatException if it breaks any rule of the format
     */
    static ReferenceTensor parse(JsonNode node, String path) {
        if (!isTensor(node)) {
            throw new ReferenceFormatException(path + ": expected a tensor object with \"shape\" and "
                    + "\"data\", found " + JsonValues.brief(node));
        }
        int[] shape = parseShape(node.get("shape"), path + ".shape");
        ReferenceDtype dtype = parseDtype(node.get("dtype"), path);
        long size = sizeOf(shape, path);
        double[] data = parseDataIfPresent(node, path, size, dtype);
        return new ReferenceTensor(shape, data, dtype, extrasOf((ObjectNode) node), path);
    }

    /** Wraps a bare JSON number, such as {@code "loss": 2.32}, as a float scalar. */
    static ReferenceTensor scalar(JsonNode node, String path) {
        double value = JsonValues.number(node, path);
        return new ReferenceTensor(new int[0], new double[] {value}, ReferenceDtype.FLOAT,
                JsonNodeFactory.instance.objectNode(), path);
    }

    /**
     * Returns the product of the dimensions.
     *
     * @throws IllegalArgumentException if a dimension is negative or the product exceeds the
     *     largest Java array
     */
    static long checkedSize(int[] shape, String path) {
        long size = 1;
        for (int dimension : shape) {
            if (dimension < 0) {
                throw new IllegalArgumentException(path + ": negative dimension in shape "
                        + Arrays.toString(shape));
            }
            size *= dimension;
            if (size > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(path + ": shape " + Arrays.toString(shape)
                        + " has more elements than a Java array can hold");
            }
        }
        return size;
    }

    private static long sizeOf(int[] shape, String path) {
        try {
            return checkedSize(shape, path);
        } catch (IllegalArgumentException e) {
            throw new ReferenceFormatException(e.getMessage(), e);
        }
    }

    private static int[] parseShape(JsonNode node, String path) {
        if (!node.isArray()) {
            throw new ReferenceFormatException(path + ": expected an array of non-negative integers, "
                    + "found " + JsonValues.brief(node));
        }
        int[] shape = new int[node.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = JsonValues.integer(node.get(i), path + "[" + i + "]");
            if (shape[i] < 0) {
                throw new ReferenceFormatException(path + "[" + i + "]: dimension " + shape[i]
                        + " is negative");
            }
        }
        return shape;
    }

    private static ReferenceDtype parseDtype(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return ReferenceDtype.FLOAT;
        }
        if (!node.isTextual()) {
            throw new ReferenceFormatException(path + ".dtype: expected a string, found "
                    + JsonValues.brief(node));
        }
        return ReferenceDtype.fromJson(node.textValue(), path);
    }

    private static double[] parseDataIfPresent(JsonNode tensor, String path, long size,
            ReferenceDtype dtype) {
        JsonNode omitted = tensor.get("data_omitted");
        boolean isOmitted = omitted != null && omitted.isBoolean() && omitted.booleanValue();
        JsonNode data = tensor.get("data");
        if (isOmitted) {
            if (data != null) {
                throw new ReferenceFormatException(path + ": has both \"data\" and "
                        + "\"data_omitted\": true; give one of them");
            }
            return null;
        }
        if (data == null) {
            throw new ReferenceFormatException(path + ": missing \"data\"; give the row-major values "
                    + "or set \"data_omitted\": true");
        }
        return parseData(data, path + ".data", size, dtype);
    }

    private static double[] parseData(JsonNode node, String path, long size, ReferenceDtype dtype) {
        if (!node.isArray()) {
            throw new ReferenceFormatException(path + ": expected an array of numbers, found "
                    + JsonValues.brief(node));
        }
        if (node.size() != size) {
            throw new ReferenceFormatException(path + ": has " + node.size()
                    + " values but the shape needs " + size + " (the product of the dimensions)");
        }
        double[] values = new double[node.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = parseValue(node.get(i), path + "[" + i + "]", dtype);
        }
        return values;
    }

    private static double parseValue(JsonNode node, String path, ReferenceDtype dtype) {
        if (dtype == ReferenceDtype.BOOL && node.isBoolean()) {
            return node.booleanValue() ? 1 : 0;
        }
        double value = JsonValues.number(node, path);
        if (dtype == ReferenceDtype.INT64 && !isExactInteger(value)) {
            throw new ReferenceFormatException(path + ": int64 tensor contains " + value
                    + "; expected an integer of magnitude at most 2^53");
        }
        if (dtype == ReferenceDtype.BOOL && value != 0 && value != 1) {
            throw new ReferenceFormatException(path + ": bool tensor contains " + value
                    + "; expected 0 or 1");
        }
        return value;
    }

    private static boolean isExactInteger(double value) {
        return value == Math.rint(value) && Math.abs(value) <= JsonValues.MAX_EXACT_INTEGER;
    }

    private static ObjectNode extrasOf(ObjectNode tensor) {
        ObjectNode extras = tensor.deepCopy();
        extras.remove(TENSOR_FIELDS);
        return extras;
    }
}
