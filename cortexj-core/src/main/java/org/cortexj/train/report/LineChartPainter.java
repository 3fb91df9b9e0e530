package org.cortexj.train.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a {@link LineChart} into a rectangle of a {@link ChartCanvas}: title, legend, grid,
 * axes with tick labels and axis titles, then each series as a line with one marker per finite
 * point. The x axis counts whole numbers (epochs); the y axis is rounded out to nice ticks.
 */
public final class LineChartPainter {

    static final Rgb TEXT = Rgb.hex("#222222");
    static final Rgb MUTED = Rgb.hex("#555555");
    static final Rgb GRID = Rgb.hex("#e3e3e3");
    static final Rgb AXIS = Rgb.hex("#888888");
    private static final double MARKER_RADIUS = 3.5;
    private static final double LEGEND_ROW = 16;

    private LineChartPainter() {
    }

    /** Renders the chart as an inline SVG element with the chart's id, {@code width} by {@code height} CSS pixels. */
    public static String toSvg(LineChart chart, double width, double height) {
        SvgCanvas canvas = new SvgCanvas(chart.id(), width, height, chart.title());
        paint(chart, canvas, 0, 0, width, height);
        return canvas.toSvg();
    }

    /** Draws {@code chart} with its top-left corner at ({@code left}, {@code top}). */
    public static void paint(LineChart chart, ChartCanvas canvas, double left, double top, double width,
                             double height) {
        int legendRows = paintLegend(chart, canvas, left, width, top + 34);
        double plotLeft = left + 62;
        double plotRight = left + width - 14;
        double plotTop = top + 34 + LEGEND_ROW * legendRows;
        double plotBottom = top + height - 46;
        AxisScale xAxis = xScale(chart);
        AxisScale yAxis = yScale(chart);

        TextStyle titleStyle = TextStyle.of(14, TextStyle.Anchor.MIDDLE, TEXT).inBold();
        canvas.text(left + width / 2, top + 14, chart.title(), titleStyle);
        paintGrid(canvas, xAxis, yAxis, plotLeft, plotTop, plotRight, plotBottom);
        canvas.text((plotLeft + plotRight) / 2, plotBottom + 34, chart.xLabel(),
                TextStyle.of(12, TextStyle.Anchor.MIDDLE, TEXT));
        canvas.text(left + 12, (plotTop + plotBottom) / 2, chart.yLabel(),
                TextStyle.of(12, TextStyle.Anchor.MIDDLE, TEXT).rotated());
        for (Series series : chart.series()) {
            paintSeries(chart, series, canvas, xAxis, yAxis, plotLeft, plotTop, plotRight, plotBottom);
        }
    }

    static AxisScale xScale(LineChart chart) {
        double[] range = range(chart, true);
        return AxisScale.wholeNumbers(range[0], range[1], 8);
    }

    static AxisScale yScale(LineChart chart) {
        double[] range = range(chart, false);
        return AxisScale.covering(range[0], range[1], 5);
    }

    /** Smallest and largest finite value over all series; [0, 1] when there is none. */
    private static double[] range(LineChart chart, boolean x) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Series series : chart.series()) {
            double[] xs = series.x();
            double[] ys = series.y();
            for (int i = 0; i < xs.length; i++) {
                double value = x ? xs[i] : ys[i];
                if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
                    low = Math.min(low, value);
                    high = Math.max(high, value);
                }
            }
        }
        return low <= high ? new double[] {low, high} : new double[] {0, 1};
    }

    /**
     * Draws one legend entry per series, centered in rows that fit the width, and returns the
     * number of rows. Text width is estimated at 6.5 units per character because SVG text cannot
     * be measured before a browser lays it out.
     */
    private static int paintLegend(LineChart chart, ChartCanvas canvas, double left, double width, double y) {
        double itemWidth = 0;
        for (Series series : chart.series()) {
            itemWidth = Math.max(itemWidth, 40 + 6.5 * series.name().length());
        }
        int perRow = Math.max(1, (int) ((width - 20) / itemWidth));
        int count = chart.series().size();
        int rows = (count + perRow - 1) / perRow;
        for (int i = 0; i < count; i++) {
            Series series = chart.series().get(i);
            int row = i / perRow;
            int inRow = Math.min(perRow, count - row * perRow);
            double x = left + width / 2 - itemWidth * inRow / 2 + (i % perRow) * itemWidth;
            double rowY = y + row * LEGEND_ROW;
            canvas.line(x, rowY, x + 24, rowY, new Pen(series.color(), 2.5, series.dashed()));
            canvas.text(x + 30, rowY, series.name(), TextStyle.of(12, TextStyle.Anchor.START, TEXT));
        }
        return Math.max(rows, 1);
    }

    private static void paintGrid(ChartCanvas canvas, AxisScale xAxis, AxisScale yAxis, double plotLeft,
                                  double plotTop, double plotRight, double plotBottom) {
        TextStyle yTick = TextStyle.of(11, TextStyle.Anchor.END, MUTED);
        for (double tick : yAxis.ticks()) {
            double y = yAxis.position(tick, plotBottom, plotTop);
            canvas.line(plotLeft, y, plotRight, y, Pen.solid(GRID, 1));
            canvas.text(plotLeft - 6, y, yAxis.label(tick), yTick);
        }
        TextStyle xTick = TextStyle.of(11, TextStyle.Anchor.MIDDLE, MUTED);
        for (double tick : xAxis.ticks()) {
            double x = xAxis.position(tick, plotLeft, plotRight);
            canvas.line(x, plotBottom, x, plotBottom + 4, Pen.solid(AXIS, 1));
            canvas.text(x, plotBottom + 14, xAxis.label(tick), xTick);
        }
        canvas.line(plotLeft, plotBottom, plotRight, plotBottom, Pen.solid(AXIS, 1));
        canvas.line(plotLeft, plotTop, plotLeft, plotBottom, Pen.solid(AXIS, 1));
    }

    private static void paintSeries(LineChart chart, Series series, ChartCanvas canvas, AxisScale xAxis,
                                    AxisScale yAxis, double plotLeft, double plotTop, double plotRight,
                                    double plotBottom) {
        canvas.beginGroup("series", Map.of("data-series", series.key()), series.name());
        double[] xs = series.x();
        double[] ys = series.y();
        List<double[]> run = new ArrayList<>();
        for (int i = 0; i <= xs.length; i++) {
            boolean finite = i < xs.length && Double.isFinite(xs[i]) && Double.isFinite(ys[i]);
            if (finite) {
                double x = xAxis.position(xs[i], plotLeft, plotRight);
                double y = yAxis.position(ys[i], plotBottom, plotTop);
                run.add(new double[] {x, y});
            } else {
                drawRun(canvas, run, series);
                run.clear();
            }
        }
        for (int i = 0; i < xs.length; i++) {
            if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
                String tooltip = series.name() + ", " + chart.xLabel() + " " + xAxis.label(xs[i]) + ": "
                        + String.format(Locale.ROOT, chart.valueFormat(), ys[i]);
                canvas.marker(xAxis.position(xs[i], plotLeft, plotRight), yAxis.position(ys[i], plotBottom, plotTop),
                        MARKER_RADIUS, series.color(), tooltip);
            }
        }
        canvas.endGroup();
    }

    /** Draws a run of consecutive finite points as one line; a single point is shown by its marker only. */
    private static void drawRun(ChartCanvas canvas, List<double[]> run, Series series) {
        if (run.size() < 2) {
            return;
        }
        double[] xs = new double[run.size()];
        double[] ys = new double[run.size()];
        for (int i = 0; i < run.size(); i++) {
            xs[i] = run.get(i)[0];
            ys[i] = run.get(i)[1];
        }
        canvas.polyline(xs, ys, new Pen(series.color(), 2, series.dashed()));
    }
}
