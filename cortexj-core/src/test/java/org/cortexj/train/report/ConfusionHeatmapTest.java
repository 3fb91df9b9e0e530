package org.cortexj.train.report;

import static org.cortexj.train.report.ReportFixtures.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cortexj.train.ConfusionMatrix;
import org.junit.jupiter.api.Test;

class ConfusionHeatmapTest {

    /** Counts that differ in every cell: 100 + 10·row + column on the diagonal, row·column off it. */
    private static ConfusionMatrix matrix(int classes) {
        long[][] counts = new long[classes][classes];
        for (int row = 0; row < classes; row++) {
            for (int column = 0; column < classes; column++) {
                counts[row][column] = row == column ? 100 + 10L * row + column : (long) row * column;
            }
        }
        return ConfusionMatrix.of(counts);
    }

    @Test
    void svgHasOneCellPerClassPair() {
        ConfusionMatrix matrix = matrix(10);
        String svg = ConfusionSection.heatmapSvg(matrix);

        assertEquals(100, count(svg, "<g class=\"cell\""));
        Matcher cell = Pattern.compile("<g class=\"cell\" data-true=\"(\\d+)\" data-predicted=\"(\\d+)\" "
                + "data-count=\"(\\d+)\"[^>]*>\\n<title>[^<]*</title>\\n<rect[^>]*/>\\n<text[^>]*>(\\d+)</text>")
                .matcher(svg);
        int seen = 0;
        while (cell.find()) {
            int row = Integer.parseInt(cell.group(1));
            int column = Integer.parseInt(cell.group(2));
            assertEquals(matrix.count(row, column), Long.parseLong(cell.group(3)),
                    "data-count of " + row + "," + column);
            assertEquals(matrix.count(row, column), Long.parseLong(cell.group(4)), "text of " + row + "," + column);
            seen++;
        }
        assertEquals(100, seen, "cells with count text");
    }

    @Test
    void cellsAreRowMajorTrueByPredicted() {
        RecordingCanvas canvas = new RecordingCanvas();
        ConfusionHeatmapPainter.paint(matrix(3), canvas, 0, 0);

        assertEquals(9, canvas.groups.size());
        RecordingCanvas.Group second = canvas.groups.get(1);
        assertEquals("0", second.attributes().get("data-true"));
        assertEquals("1", second.attributes().get("data-predicted"));
        assertEquals("true 0, predicted 1: 0 images", second.tooltip());
        assertEquals("true 2, predicted 2: 122 images", canvas.groups.get(8).tooltip());
    }

    @Test
    void manyClassesOmitCountText() {
        String svg = ConfusionSection.heatmapSvg(matrix(60));

        assertEquals(3600, count(svg, "<g class=\"cell\""));
        assertEquals(0, count(svg, "<g class=\"cell\"[^>]*>\\n<title>[^<]*</title>\\n<rect[^>]*/>\\n<text"));
    }

    @Test
    void colorsDarkenWithCount() {
        assertEquals(HeatColors.EMPTY, HeatColors.fill(0, 100, true));
        double previous = 1;
        for (long count : new long[] {1, 3, 10, 30, 100}) {
            double luminance = HeatColors.fill(count, 100, false).luminance();
            assertTrue(luminance < previous, "count " + count + " is darker than the count before it");
            previous = luminance;
        }
        Rgb correct = HeatColors.fill(50, 100, true);
        Rgb wrong = HeatColors.fill(50, 100, false);
        assertTrue(correct.blue() > correct.red(), "diagonal cells are blue: " + correct);
        assertTrue(wrong.red() > wrong.blue(), "error cells are red: " + wrong);
    }

    @Test
    void intensityIsLogarithmic() {
        assertEquals(0, HeatColors.intensity(0, 1000));
        assertEquals(1, HeatColors.intensity(1000, 1000), 1e-12);
        assertEquals(Math.log(11) / Math.log(1001), HeatColors.intensity(10, 1000), 1e-12);
    }

    @Test
    void textStaysReadable() {
        assertEquals(Rgb.hex("#ffffff"), HeatColors.textOn(HeatColors.fill(100, 100, true)));
        assertEquals(Rgb.hex("#1a1a1a"), HeatColors.textOn(HeatColors.fill(1, 100, true)));
    }
}
