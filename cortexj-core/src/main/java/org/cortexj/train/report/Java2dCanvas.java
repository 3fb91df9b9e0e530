package org.cortexj.train.report;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Map;

/**
 * Draws charts with Java2D onto a {@link Graphics2D}, for the PNG files.
 *
 * <p>Java2D ships with the JDK, so the PNGs need no new dependency. It gives full control over
 * every pixel, and with antialiasing of shapes and text its output is good enough for
 * terminals, READMEs and papers. Fonts are the JDK's logical {@code SansSerif}, which maps to
 * an installed font through fontconfig on Linux.
 */
public final class Java2dCanvas implements ChartCanvas {

    private final Graphics2D graphics;

    /** Draws onto {@code graphics} and turns on antialiasing of shapes and text. */
    public Java2dCanvas(Graphics2D graphics) {
        this.graphics = graphics;
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        graphics.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Pen pen) {
        apply(pen);
        graphics.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void polyline(double[] xs, double[] ys, Pen pen) {
        SvgCanvas.checkPoints(xs, ys);
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            path.lineTo(xs[i], ys[i]);
        }
        apply(pen);
        graphics.draw(path);
    }

    @Override
    public void marker(double x, double y, double radius, Rgb fill, String tooltip) {
        graphics.setColor(fill.toAwt());
        graphics.fill(new Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius));
    }

    @Override
    public void rectangle(double x, double y, double width, double height, Rgb fill, Pen outline) {
        Rectangle2D.Double shape = new Rectangle2D.Double(x, y, width, height);
        graphics.setColor(fill.toAwt());
        graphics.fill(shape);
        if (outline != null) {
            apply(outline);
            graphics.draw(shape);
        }
    }

    @Override
    public void text(double x, double y, String text, TextStyle style) {
        int weight = style.bold() ? Font.BOLD : Font.PLAIN;
        Font font = new Font(Font.SANS_SERIF, weight, 1).deriveFont((float) style.size());
        graphics.setFont(font);
        graphics.setColor(style.color().toAwt());
        FontMetrics metrics = graphics.getFontMetrics();
        double width = metrics.getStringBounds(text, graphics).getWidth();
        double dx = switch (style.anchor()) {
            case START -> 0;
            case MIDDLE -> -width / 2;
            case END -> -width;
        };
        // The anchor is the vertical middle of the line, as SVG's dominant-baseline="central" places it.
        double dy = (metrics.getAscent() - metrics.getDescent()) / 2.0;
        AffineTransform saved = graphics.getTransform();
        graphics.translate(x, y);
        if (style.vertical()) {
            graphics.rotate(-Math.PI / 2);
        }
        graphics.drawString(text, (float) dx, (float) dy);
        graphics.setTransform(saved);
    }

    @Override
    public void beginGroup(String cssClass, Map<String, String> attributes, String tooltip) {
        // Groups only carry SVG attributes and tooltips, which a PNG has no place for.
    }

    @Override
    public void endGroup() {
        // See beginGroup.
    }

    private void apply(Pen pen) {
        graphics.setColor(pen.color().toAwt());
        float width = (float) pen.width();
        graphics.setStroke(pen.dashed()
                ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f)
                : new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    }
}
