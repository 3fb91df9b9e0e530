package org.cortexj.conformance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Conversions from JSON nodes to Java numbers, with errors that name the JSON path.
 *
 * <p>JSON has no literal for non-finite numbers, so the reference files write them as the strings
 * {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}; {@link #number} accepts those
 * (and {@code "+Infinity"}, {@code "inf"}, {@code "-inf"}, any case) wherever a number may stand.
 */
final class JsonValues {

    /** Largest magnitude up to which every integer has an exact {@code double}: 2^53. */
    static final double MAX_EXACT_INTEGER = 9007199254740992.0;

    private JsonValues() {
    }

    /** Returns whether {@code node} is a JSON number or one of the accepted non-finite strings. */
    static boolean isNumber(JsonNode node) {
        return node.isNumber() || (node.isTextual() && parseNonFinite(node.textValue()) != null);
    }

    /**
     * Returns the value of a JSON number or non-finite string.
     *
     * @throws ReferenceFormatException if {@code node} is anything else
     */
    static double number(JsonNode node, String path) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            Double value = parseNonFinite(node.textValue());
            if (value != null) {
                return value;
            }
        }
        throw new ReferenceFormatException(path + ": expected a number or one of \"NaN\", "
                + "\"Infinity\", \"-Infinity\", found " + brief(node));
    }

    /**
     * Returns the value of a JSON number that is an integer in the {@code int} range; {@code 3.0}
     * is accepted, {@code 3.5} is not.
     *
     * @throws ReferenceFormatException otherwise
     */
    static int integer(JsonNode node, String path) {
        if (node.isNumber()) {
            double value = node.doubleValue();
            if (value == Math.rint(value) && Math.abs(value) <= Integer.MAX_VALUE) {
                return (int) value;
            }
        }
        throw new ReferenceFormatException(path + ": expected an integer in the int range, found "
                + brief(node));
    }

    /** Returns a short rendering of {@code node} for error messages, cut at 60 characters. */
    static String brief(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        String text = node.toString();
        String kind = node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        if (text.length() > 60) {
            text = text.substring(0, 57) + "...";
        }
        return kind + " " + text;
    }

    private static Double parseNonFinite(String text) {
        switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "nan":
                return Double.NaN;
            case "infinity":
            case "+infinity":
            case "inf":
            case "+inf":
                return Double.POSITIVE_INFINITY;
            case "-infinity":
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            default:
                return null;
        }
    }
}
