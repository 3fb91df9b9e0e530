package org.cortexj.train.report;

import java.util.Map;

/**
 * Writes chart drawing operations as an inline SVG element. Text from data is escaped, so the
 * result can be placed directly into an HTML page.
 */
public final class SvgCanvas implements ChartCanvas {

    private static final String FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif";

    private final StringBuilder svg = new StringBuilder();
    private int openGroups;

    /**
     * @param id element id of the {@code svg} element
     * @param width width in CSS pixels; the element scales down with its container
     * @param height height in CSS pixels
     * @param label accessible name of the image
     */
    public SvgCanvas(String id, double width, double height, String label) {
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"").append(HtmlText.escape(id))
                .append("\" class=\"chart\" viewBox=\"0 0 ").append(number(width)).append(' ').append(number(height))
                .append("\" width=\"").append(number(width)).append("\" height=\"").append(number(height))
                .append("\" role=\"img\" aria-label=\"").append(HtmlText.escape(label))
                .append("\" font-family=\"").append(HtmlText.escape(FONT)).append("\">\n");
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Pen pen) {
        svg.append("<line x1=\"").append(number(x1)).append("\" y1=\"").append(number(y1)).append("\" x2=\"")
                .append(number(x2)).append("\" y2=\"").append(number(y2)).append('"').append(stroke(pen))
                .append("/>\n");
    }

    @Override
    public void polyline(double[] xs, double[] ys, Pen pen) {
        checkPoints(xs, ys);
        svg.append("<polyline fill=\"none\" points=\"");
        for (int i = 0; i < xs.length; i++) {
            svg.append(i == 0 ? "" : " ").append(number(xs[i])).append(',').append(number(ys[i]));
        }
        svg.append('"').append(stroke(pen)).append(" stroke-linejoin=\"round\"/>\n");
    }

    @Override
    public void marker(double x, double y, double radius, Rgb fill, String tooltip) {
        svg.append("<circle class=\"point\" cx=\"").append(number(x)).append("\" cy=\"").append(number(y))
                .append("\" r=\"").append(number(radius)).append("\" fill=\"").append(fill.toHex()).append("\">");
        if (tooltip != null) {
            svg.append("<title>").append(HtmlText.escape(tooltip)).append("</title>");
        }
        svg.append("</circle>\n");
    }

    @Override
    public void rectangle(double x, double y, double width, double height, Rgb fill, Pen outline) {
        svg.append("<rect x=\"").append(number(x)).append("\" y=\"").append(number(y)).append("\" width=\"")
                .append(number(width)).append("\" height=\"").append(number(height)).append("\" fill=\"")
                .append(fill.toHex()).append('"').append(outline == null ? "" : stroke(outline)).append("/>\n");
    }

    @Override
    public void text(double x, double y, String text, TextStyle style) {
        svg.append("<text x=\"").append(number(x)).append("\" y=\"").append(number(y))
                .append("\" dominant-baseline=\"central\" font-size=\"").append(number(style.size()))
                .append("\" text-anchor=\"").append(anchor(style.anchor())).append("\" fill=\"")
                .append(style.color().toHex()).append('"');
        if (style.bold()) {
            svg.append(" font-weight=\"bold\"");
        }
        if (style.vertical()) {
            svg.append(" transform=\"rotate(-90 ").append(number(x)).append(' ').append(number(y)).append(")\"");
        }
        svg.append('>').append(HtmlText.escape(text)).append("</text>\n");
    }

    @Override
    public void beginGroup(String cssClass, Map<String, String> attributes, String tooltip) {
        svg.append("<g class=\"").append(HtmlText.escape(cssClass)).append('"');
        attributes.forEach((name, value) -> svg.append(' ').append(attributeName(name)).append("=\"")
                .append(HtmlText.escape(value)).append('"'));
        svg.append(">\n");
        if (tooltip != null) {
            svg.append("<title>").append(HtmlText.escape(tooltip)).append("</title>\n");
        }
        openGroups++;
    }

    @Override
    public void endGroup() {
        if (openGroups == 0) {
            throw new IllegalStateException("SvgCanvas.endGroup: no group is open; call beginGroup first");
        }
        openGroups--;
        svg.append("</g>\n");
    }

    /** Returns the finished {@code svg} element. */
    public String toSvg() {
        if (openGroups != 0) {
            throw new IllegalStateException("SvgCanvas.toSvg: " + openGroups + " group(s) still open; call endGroup "
                    + "for each beginGroup");
        }
        return svg + "</svg>\n";
    }

    static void checkPoints(double[] xs, double[] ys) {
        if (xs.length != ys.length || xs.length < 2) {
            throw new IllegalArgumentException("polyline: need at least 2 points and as many x as y values, got "
                    + xs.length + " x and " + ys.length + " y");
        }
    }

    private static String stroke(Pen pen) {
        return " stroke=\"" + pen.color().toHex() + "\" stroke-width=\"" + number(pen.width()) + '"'
                + (pen.dashed() ? " stroke-dasharray=\"6 4\"" : "");
    }

    private static String anchor(TextStyle.Anchor anchor) {
        return switch (anchor) {
            case START -> "start";
            case MIDDLE -> "middle";
            case END -> "end";
        };
    }

    /** Rejects attribute names that could break out of the tag; names come from code, not data. */
    private static String attributeName(String name) {
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("SvgCanvas: invalid attribute name '" + name
                    + "'; use lower-case letters, digits and '-'");
        }
        return name;
    }

    private static String number(double value) {
        return HtmlText.coordinate(value);
    }
}
