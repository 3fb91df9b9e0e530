package org.cortexj.train.report;

import java.util.Map;

/**
 * The drawing operations charts need. One painter draws both the inline SVG of the HTML
 * report ({@link SvgCanvas}) and the PNG files ({@link Java2dCanvas}), so both show the same
 * geometry. Coordinates are in canvas units with y growing downward.
 */
public interface ChartCanvas {

    void line(double x1, double y1, double x2, double y2, Pen pen);

    /** Joins the points in order; {@code xs} and {@code ys} have the same length, at least 2. */
    void polyline(double[] xs, double[] ys, Pen pen);

    /** A filled circle marking one data point; SVG shows {@code tooltip} on hover, PNG ignores it. */
    void marker(double x, double y, double radius, Rgb fill, String tooltip);

    /** A rectangle filled with {@code fill}, outlined with {@code outline} unless it is null. */
    void rectangle(double x, double y, double width, double height, Rgb fill, Pen outline);

    void text(double x, double y, String text, TextStyle style);

    /**
     * Starts a group of shapes that belong together, such as one series or one matrix cell. SVG
     * writes a {@code g} element with the class, attributes and tooltip; PNG ignores groups.
     *
     * @param attributes extra attributes in order, for example {@code data-count}; values are escaped
     * @param tooltip hover text, or null for none
     */
    void beginGroup(String cssClass, Map<String, String> attributes, String tooltip);

    void endGroup();
}
