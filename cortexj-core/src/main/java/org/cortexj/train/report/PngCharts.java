package org.cortexj.train.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.Consumer;
import org.cortexj.train.ConfusionMatrix;

/**
 * PNG versions of the report's charts, drawn by the same painters as the HTML charts through
 * {@link Java2dCanvas}. Images are rendered at twice their layout size so that text stays sharp
 * on high-density screens and in print.
 */
public final class PngCharts {

    /** Pixels per layout unit. */
    static final int SCALE = 2;
    static final double PANEL_WIDTH = 480;
    static final double PANEL_HEIGHT = 330;

    private PngCharts() {
    }

    /** Renders line charts in a grid of {@code columns} panels per row, as PNG bytes. */
    public static byte[] curves(List<LineChart> charts, int columns) {
        if (charts.isEmpty() || columns < 1) {
            throw new IllegalArgumentException("curves: need at least one chart and one column, got " + charts.size()
                    + " charts, " + columns + " columns");
        }
        int rows = (charts.size() + columns - 1) / columns;
        int usedColumns = Math.min(columns, charts.size());
        return render(usedColumns * PANEL_WIDTH, rows * PANEL_HEIGHT, canvas -> {
            for (int i = 0; i < charts.size(); i++) {
                LineChartPainter.paint(charts.get(i), canvas, (i % columns) * PANEL_WIDTH, (i / columns) * PANEL_HEIGHT,
                        PANEL_WIDTH, PANEL_HEIGHT);
            }
        });
    }

    /** Renders the confusion matrix heatmap as PNG bytes. */
    public static byte[] confusion(ConfusionMatrix matrix) {
        int classes = matrix.classes();
        return render(ConfusionHeatmapPainter.width(classes), ConfusionHeatmapPainter.height(classes),
                canvas -> ConfusionHeatmapPainter.paint(matrix, canvas, 0, 0));
    }

    private static byte[] render(double width, double height, Consumer<ChartCanvas> painter) {
        BufferedImage image = new BufferedImage((int) Math.ceil(width * SCALE), (int) Math.ceil(height * SCALE),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
            graphics.scale(SCALE, SCALE);
            painter.accept(new Java2dCanvas(graphics));
        } finally {
            graphics.dispose();
        }
        return PngImages.encode(image);
    }
}
