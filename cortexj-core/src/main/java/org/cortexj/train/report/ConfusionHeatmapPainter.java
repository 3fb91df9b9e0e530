package org.cortexj.train.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cortexj.train.ConfusionMatrix;

/**
 * Draws a confusion matrix as a heatmap: rows are true classes, columns predicted classes,
 * each cell filled by {@link HeatColors} and labelled with its count when the cell is large
 * enough to hold the text. In SVG every cell is a group of class {@code cell} with
 * {@code data-true}, {@code data-predicted} and {@code data-count}, which the page script
 * uses to open the cell's images.
 */
public final class ConfusionHeatmapPainter {

    static final double LEFT_MARGIN = 64;
    static final double TOP_MARGIN = 58;
    private static final double MAX_CELL = 48;
    private static final double MIN_CELL = 6;
    private static final double GRID_WIDTH = 480;
    private static final double MIN_CELL_FOR_TEXT = 20;

    private ConfusionHeatmapPainter() {
    }

    /** Side of one cell: the grid is about 480 units wide, within 6 to 48 units per cell. */
    public static double cellSize(int classes) {
        return Math.max(MIN_CELL, Math.min(MAX_CELL, GRID_WIDTH / classes));
    }

    /** Width of the whole drawing for {@code classes} classes. */
    public static double width(int classes) {
        return LEFT_MARGIN + classes * cellSize(classes) + 16;
    }

    /** Height of the whole drawing for {@code classes} classes. */
    public static double height(int classes) {
        return TOP_MARGIN + classes * cellSize(classes) + 16;
    }

    /** Draws the heatmap with its top-left corner at ({@code left}, {@code top}). */
    public static void paint(ConfusionMatrix matrix, ChartCanvas canvas, double left, double top) {
        int classes = matrix.classes();
        double cell = cellSize(classes);
        double gridLeft = left + LEFT_MARGIN;
        double gridTop = top + TOP_MARGIN;
        paintLabels(canvas, classes, cell, left, top, gridLeft, gridTop);
        long[] largest = largestCounts(matrix);
        for (int row = 0; row < classes; row++) {
            for (int column = 0; column < classes; column++) {
                paintCell(matrix, canvas, row, column, largest, gridLeft + column * cell, gridTop + row * cell, cell);
            }
        }
    }

    private static void paintLabels(ChartCanvas canvas, int classes, double cell, double left, double top,
                                    double gridLeft, double gridTop) {
        TextStyle title = TextStyle.of(12, TextStyle.Anchor.MIDDLE, LineChartPainter.TEXT).inBold();
        canvas.text(gridLeft + classes * cell / 2, top + 14, "predicted class", title);
        canvas.text(left + 14, gridTop + classes * cell / 2, "true class", title.rotated());
        if (cell < 12) {
            return;
        }
        TextStyle tick = TextStyle.of(Math.min(12, cell * 0.6), TextStyle.Anchor.MIDDLE, LineChartPainter.MUTED);
        TextStyle rowTick = TextStyle.of(Math.min(12, cell * 0.6), TextStyle.Anchor.END, LineChartPainter.MUTED);
        for (int c = 0; c < classes; c++) {
            canvas.text(gridLeft + (c + 0.5) * cell, gridTop - 12, Integer.toString(c), tick);
            canvas.text(gridLeft - 8, gridTop + (c + 0.5) * cell, Integer.toString(c), rowTick);
        }
    }

    private static void paintCell(ConfusionMatrix matrix, ChartCanvas canvas, int row, int column, long[] largest,
                                  double x, double y, double cell) {
        long count = matrix.count(row, column);
        boolean diagonal = row == column;
        Rgb fill = HeatColors.fill(count, diagonal ? largest[0] : largest[1], diagonal);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("data-true", Integer.toString(row));
        attributes.put("data-predicted", Integer.toString(column));
        attributes.put("data-count", Long.toString(count));
        attributes.put("tabindex", "0");
        attributes.put("role", "button");
        String description = "true " + row + ", predicted " + column + ": " + HtmlText.count(count)
                + (count == 1 ? " image" : " images");
        attributes.put("aria-label", description);
        canvas.beginGroup("cell", attributes, description);
        canvas.rectangle(x, y, cell, cell, fill, Pen.solid(Rgb.hex("#ffffff"), 1));
        if (cell >= MIN_CELL_FOR_TEXT) {
            double size = Math.min(13, cell * 0.3);
            canvas.text(x + cell / 2, y + cell / 2, Long.toString(count),
                    TextStyle.of(size, TextStyle.Anchor.MIDDLE, HeatColors.textOn(fill)));
        }
        canvas.endGroup();
    }

    /** Largest diagonal count and largest count off the diagonal. */
    private static long[] largestCounts(ConfusionMatrix matrix) {
        long[] largest = new long[2];
        for (int row = 0; row < matrix.classes(); row++) {
            for (int column = 0; column < matrix.classes(); column++) {
                int kind = row == column ? 0 : 1;
                largest[kind] = Math.max(largest[kind], matrix.count(row, column));
            }
        }
        return largest;
    }
}
