package org.cortexj.peers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one machine-readable line a child JVM prints: {@value #PREFIX} followed by
 * space-separated {@code key=value} pairs whose values contain no spaces.
 */
final class TrialResult {

    static final String PREFIX = "RESULT";

    private final Map<String, String> values;

    private TrialResult(Map<String, String> values) {
        this.values = values;
    }

    /** Starts a result with its fields in the order they will be printed. */
    static TrialResult of(Map<String, String> values) {
        for (Map.Entry<String, String> entry : values.entrySet()) {
            checkToken(entry.getKey());
            checkToken(entry.getValue());
        }
        return new TrialResult(new LinkedHashMap<>(values));
    }

    private static void checkToken(String token) {
        if (token.isEmpty() || token.contains(" ") || token.contains("=")) {
            throw new IllegalArgumentException("result line: keys and values must be non-empty and contain"
                    + " neither spaces nor '=', got '" + token + "'");
        }
    }

    /** Returns true if {@code line} is a result line. */
    static boolean isResultLine(String line) {
        return line.startsWith(PREFIX + " ");
    }

    /**
     * Parses a line printed by {@link #format()}.
     *
     * @throws IllegalArgumentException if the line lacks the prefix or a pair lacks its '='
     */
    static TrialResult parse(String line) {
        if (!isResultLine(line)) {
            throw new IllegalArgumentException("result line must start with '" + PREFIX + " ', got '" + line + "'");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : line.substring(PREFIX.length() + 1).trim().split(" +")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("result line: expected key=value, got '" + pair + "' in '" + line + "'");
            }
            values.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return new TrialResult(values);
    }

    /** Formats {@code value} with four decimals and a point, whatever the default locale. */
    static String decimal(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    String format() {
        StringBuilder line = new StringBuilder(PREFIX);
        values.forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
        return line.toString();
    }

    /** @throws IllegalArgumentException if {@code key} is missing */
    String text(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("result line has no field '" + key + "': " + format());
        }
        return value;
    }

    /** @throws IllegalArgumentException if {@code key} is missing or not a number */
    double number(String key) {
        String value = text(key);
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("result field '" + key + "' is not a number: '" + value + "'", e);
        }
    }

    Map<String, String> values() {
        return Collections.unmodifiableMap(values);
    }
}
