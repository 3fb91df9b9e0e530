package org.cortexj.train.report;

import java.util.Locale;

/**
 * Escaping for text placed in HTML and SVG, and number formats shared by the report pages.
 * Every string that comes from data (dataset names, layer ids, file paths) goes through
 * {@link #escape} before it reaches the page.
 */
public final class HtmlText {

    private HtmlText() {
    }

    /**
     * Escapes {@code & < > " '}, so the result is safe both as element text and inside a quoted
     * attribute value. Control characters other than tab, line feed and carriage return, which
     * XML 1.0 forbids in inline SVG, become U+FFFD.
     */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? '\uFFFD' : c);
            }
        }
        return escaped.toString();
    }

    /**
     * Makes JSON text safe inside a {@code <script>} element: every {@code <} becomes the JSON
     * escape {@code \u003c}, so neither {@code </script>} nor {@code <!--} can occur. That is
     * valid because JSON written by a serializer has {@code <} only inside strings.
     */
    public static String jsonForScript(String json) {
        return json.replace("<", "\\u003c");
    }

    /**
     * Formats a fraction in [0, 1] with four decimals, as {@code cortexj evaluate} prints it, and
     * NaN as {@code n/a}.
     */
    public static String fraction(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.4f", value);
    }

    /** Formats a fraction as a percentage with two decimals, such as {@code 98.12 %}, and NaN as {@code n/a}. */
    public static String percent(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2f %%", 100 * value);
    }

    /**
     * Formats a probability as a percentage with one decimal, such as {@code 97.3 %}. Values that
     * would round to 0.0 or 100.0 without being exactly 0 or 1 print as {@code < 0.1 %} and
     * {@code > 99.9 %}, so a wrong prediction never reads as certain. The page script formats
     * probabilities by the same rule.
     */
    public static String probability(double value) {
        if (value > 0 && value < 0.0005) {
            return "< 0.1 %";
        }
        if (value >= 0.9995 && value < 1) {
            return "> 99.9 %";
        }
        return String.format(Locale.ROOT, "%.1f %%", 100 * value);
    }

    /** Formats a count with thousands separators, such as {@code 10,000}. */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** Formats a coordinate or length for SVG with at most two decimals and no trailing zeros. */
    public static String coordinate(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        if (text.indexOf('.') >= 0) {
            text = text.replaceAll("0+$", "");
            text = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        }
        return text.equals("-0") ? "0" : text;
    }
}
