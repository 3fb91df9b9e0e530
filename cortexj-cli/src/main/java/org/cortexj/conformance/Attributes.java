package org.cortexj.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Typed access to a case's {@code attrs} object, such as {@code {"kernel": [3, 3], "eps": 1e-5}}.
 *
 * <p>Every accessor either returns a value of the requested type or throws a
 * {@link ReferenceFormatException} that names the case, the attribute, the expected type and the
 * value found. The overloads with a default return it when the attribute is absent or
 * {@code null}. Numbers may also be given as the strings {@code "NaN"}, {@code "Infinity"} and
 * {@code "-Infinity"}.
 */
public final class Attributes {

    private final String caseName;
    private final ObjectNode node;

    Attributes(String caseName, ObjectNode node) {
        this.caseName = caseName;
        this.node = node;
    }

    /** Returns whether the attribute is present and not {@code null}. */
    public boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    /** Names in file order. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Returns the attribute as raw JSON, for value types this class does not cover. */
    public JsonNode raw(String name) {
        return require(name);
    }

    /** Returns a copy of the whole {@code attrs} object as raw JSON. */
    public ObjectNode raw() {
        return node.deepCopy();
    }

    public double doubleValue(String name) {
        return JsonValues.number(require(name), where(name));
    }

    public double doubleValue(String name, double defaultValue) {
        return has(name) ? doubleValue(name) : defaultValue;
    }

    /** Reads an integer attribute. {@code 2.0} is accepted, {@code 2.5} is not. */
    public int intValue(String name) {
        return JsonValues.integer(require(name), where(name));
    }

    public int intValue(String name, int defaultValue) {
        return has(name) ? intValue(name) : defaultValue;
    }

    /** Reads a boolean attribute, given as {@code true}/{@code false} or as the number 0 or 1. */
    public boolean bool(String name) {
        JsonNode value = require(name);
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber() && (value.doubleValue() == 0 || value.doubleValue() == 1)) {
            return value.doubleValue() == 1;
        }
        throw mismatch(name, "a boolean", value);
    }

    public boolean bool(String name, boolean defaultValue) {
        return has(name) ? bool(name) : defaultValue;
    }

    public String string(String name) {
        JsonNode value = require(name);
        if (!value.isTextual()) {
            throw mismatch(name, "a string", value);
        }
        return value.textValue();
    }

    public String string(String name, String defaultValue) {
        return has(name) ? string(name) : defaultValue;
    }

    /** Returns whether the attribute is a string, such as {@code "axis": "all"}. */
    public boolean isString(String name) {
        return has(name) && node.get(name).isTextual();
    }

    /** Reads an array of integers. A single integer is returned as an array of length 1. */
    public int[] intArray(String name) {
        JsonNode value = require(name);
        if (value.isNumber()) {
            return new int[] {intValue(name)};
        }
        if (!value.isArray()) {
            throw mismatch(name, "an integer or an array of integers", value);
        }
        int[] result = new int[value.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = JsonValues.integer(value.get(i), where(name) + "[" + i + "]");
        }
        return result;
    }

    /**
     * Reads an array of {@code length} integers, as for {@code kernel}, {@code stride} and
     * {@code padding}. A single integer is repeated, so {@code "stride": 2} reads as {@code [2, 2]}
     * for length 2.
     *
     * @throws ReferenceFormatException if the array has another length
     */
    public int[] intArray(String name, int length) {
        int[] values = intArray(name);
        if (values.length == 1 && require(name).isNumber()) {
            values = new int[length];
            Arrays.fill(values, intValue(name));
        }
        if (values.length != length) {
            throw new ReferenceFormatException(where(name) + ": expected " + length
                    + " integers, found " + Arrays.toString(values));
        }
        return values;
    }

    /** Like {@link #intArray(String, int)}, with every entry {@code defaultValue} when absent. */
    public int[] intArray(String name, int length, int defaultValue) {
        if (has(name)) {
            return intArray(name, length);
        }
        int[] values = new int[length];
        Arrays.fill(values, defaultValue);
        return values;
    }

    /**
     * Reads an array of numbers, such as {@code "betas": [0.9, 0.999]}. A single number gives
     * length 1.
     */
    public double[] doubleArray(String name) {
        JsonNode value = require(name);
        if (JsonValues.isNumber(value)) {
            return new double[] {doubleValue(name)};
        }
        if (!value.isArray()) {
            throw mismatch(name, "a number or an array of numbers", value);
        }
        double[] result = new double[value.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = JsonValues.number(value.get(i), where(name) + "[" + i + "]");
        }
        return result;
    }

    /**
     * Axes to reduce over for a tensor of rank {@code rank}, sorted ascending and non-negative.
     * The attribute may be absent, {@code null} or {@code "all"} (all axes), one integer, or an
     * array of integers; negative axes count from the end.
     *
     * @throws ReferenceFormatException if an axis is outside [-rank, rank) or is repeated
     */
    public int[] axes(String name, int rank) {
        if (!has(name) || "all".equals(node.get(name).asText(null))) {
            return allAxes(rank);
        }
        int[] given = intArray(name);
        int[] axes = new int[given.length];
        for (int i = 0; i < given.length; i++) {
            axes[i] = normalizeAxis(name, given[i], rank);
        }
        Arrays.sort(axes);
        for (int i = 1; i < axes.length; i++) {
            if (axes[i] == axes[i - 1]) {
                throw new ReferenceFormatException(where(name) + ": axis " + axes[i]
                        + " is given twice in " + Arrays.toString(given));
            }
        }
        return axes;
    }

    private int normalizeAxis(String name, int axis, int rank) {
        if (axis < -rank || axis >= rank) {
            throw new ReferenceFormatException(where(name) + ": axis " + axis
                    + " is out of range for rank " + rank + "; expected [" + -rank + ", " + rank + ")");
        }
        return axis < 0 ? axis + rank : axis;
    }

    private static int[] allAxes(int rank) {
        int[] axes = new int[rank];
        for (int i = 0; i < rank; i++) {
            axes[i] = i;
        }
        return axes;
    }

    private JsonNode require(String name) {
        if (!has(name)) {
            throw new ReferenceFormatException("case '" + caseName + "': attribute \"" + name
                    + "\" is missing; attributes present: " + names());
        }
        return node.get(name);
    }

    private ReferenceFormatException mismatch(String name, String expected, JsonNode found) {
        return new ReferenceFormatException(where(name) + ": expected " + expected + ", found "
                + JsonValues.brief(found));
    }

    private String where(String name) {
        return "case '" + caseName + "': attribute \"" + name + "\"";
    }

    @Override
    public String toString() {
        return node.toString();
    }
}
