package org.cortexj.train.report;

import java.util.Locale;

/**
 * An opaque sRGB color with 8-bit channels.
 *
 * @param red 0 to 255
 * @param green 0 to 255
 * @param blue 0 to 255
 */
public record Rgb(int red, int green, int blue) {

    public Rgb {
        if ((red | green | blue) < 0 || red > 255 || green > 255 || blue > 255) {
            throw new IllegalArgumentException("Rgb: channels must be in [0, 255], got (" + red + ", " + green + ", "
                    + blue + ")");
        }
    }

    /** Parses {@code #rrggbb}. */
    public static Rgb hex(String text) {
        if (text.length() != 7 || text.charAt(0) != '#') {
            throw new IllegalArgumentException("Rgb: expected a color like #1f77b4, got '" + text + "'");
        }
        int value = Integer.parseInt(text.substring(1), 16);
        return new Rgb(value >> 16, (value >> 8) & 0xff, value & 0xff);
    }

    /** Linear interpolation in sRGB: {@code t = 0} gives this color, {@code t = 1} gives {@code other}. */
    public Rgb blend(Rgb other, double t) {
        double clamped = Math.max(0, Math.min(1, t));
        return new Rgb(mix(red, other.red, clamped), mix(green, other.green, clamped), mix(blue, other.blue, clamped));
    }

    /** Relative luminance in [0, 1] (ITU-R BT.709 weights on gamma-encoded values, an estimate). */
    public double luminance() {
        return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255.0;
    }

    /** Formats the color as CSS and SVG write it, {@code #rrggbb}. */
    public String toHex() {
        return String.format(Locale.ROOT, "#%02x%02x%02x", red, green, blue);
    }

    public java.awt.Color toAwt() {
        return new java.awt.Color(red, green, blue);
    }

    private static int mix(int from, int to, double t) {
        return (int) Math.round(from + (to - from) * t);
    }
}
