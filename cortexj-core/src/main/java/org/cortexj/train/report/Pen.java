package org.cortexj.train.report;

/**
 * Stroke of a line: color, width and dash pattern.
 *
 * @param color line color
 * @param width line width in canvas units (CSS pixels in SVG, pixels before scaling in PNG)
 * @param dashed whether the line is dashed (6 units on, 4 off) rather than solid
 */
public record Pen(Rgb color, double width, boolean dashed) {

    public static Pen solid(Rgb color, double width) {
        return new Pen(color, width, false);
    }
}
