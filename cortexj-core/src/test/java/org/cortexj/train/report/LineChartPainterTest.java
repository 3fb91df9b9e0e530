package org.cortexj.train.report;

import static org.cortexj.train.report.ReportFixtures.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineChartPainterTest {

    private static final Rgb BLUE = Rgb.hex("#0000ff");

    private static LineChart chart(double... y) {
        double[] x = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            x[i] = i + 1;
        }
        return new LineChart("c", "title", "epoch", "value", "%.3f", List.of(new Series("a", "a", BLUE, false, x, y)));
    }

    private static RecordingCanvas paint(LineChart chart) {
        RecordingCanvas canvas = new RecordingCanvas();
        LineChartPainter.paint(chart, canvas, 0, 0, 500, 300);
        return canvas;
    }

    @Test
    void oneMarkerPerEpochAndSeries() {
        List<LineChart> charts = HistoryCharts.of(ReportFixtures.history(3));

        for (LineChart chart : charts) {
            RecordingCanvas canvas = paint(chart);
            assertEquals(3, canvas.markersOf("train").size(), chart.id() + " train");
            assertEquals(3, canvas.markersOf("test").size(), chart.id() + " test");
            assertEquals(2, canvas.polylines.size(), chart.id() + " lines");
        }
    }

    @Test
    void svgHasOnePointPerEpochAndSeries() {
        String svg = LineChartPainter.toSvg(HistoryCharts.of(ReportFixtures.history(5)).get(0), 540, 340);

        String train = svg.substring(svg.indexOf("data-series=\"train\""), svg.indexOf("data-series=\"test\""));
        String test = svg.substring(svg.indexOf("data-series=\"test\""));
        assertEquals(5, count(train, "<circle class=\"point\""));
        assertEquals(5, count(test, "<circle class=\"point\""));
        assertEquals(1, count(train, "<polyline"));
        String points = train.substring(train.indexOf("points=\"") + 8);
        assertEquals(5, points.substring(0, points.indexOf('"')).split(" ").length, "vertices of the train line");
        assertTrue(svg.contains(">cross-entropy loss (nats per image)</text>"), "y axis label with unit");
        assertTrue(svg.contains(">epoch</text>"), "x axis label");
    }

    @Test
    void nonFiniteValueLeavesGap() {
        RecordingCanvas canvas = paint(chart(0.5, 0.4, Double.NaN, 0.3, 0.2));

        assertEquals(4, canvas.markers.size());
        assertEquals(2, canvas.polylines.size(), "a line before and after the gap");
        assertEquals(2, canvas.polylines.get(0)[0].length);
        assertEquals(2, canvas.polylines.get(1)[0].length);
    }

    @Test
    void singleEpochDrawsMarkerWithoutLine() {
        RecordingCanvas canvas = paint(chart(0.7));

        assertEquals(1, canvas.markers.size());
        assertEquals(0, canvas.polylines.size());
    }

    @Test
    void markersFollowValuesInsidePlot() {
        RecordingCanvas canvas = paint(chart(0.9, 0.5, 0.1));

        List<RecordingCanvas.Marker> markers = canvas.markers;
        for (int i = 1; i < markers.size(); i++) {
            assertTrue(markers.get(i - 1).x() < markers.get(i).x(), "epoch " + (i + 1) + " lies further right");
            assertTrue(markers.get(i - 1).y() < markers.get(i).y(), "the smaller value of epoch " + (i + 1)
                    + " lies lower");
        }
        for (RecordingCanvas.Marker marker : markers) {
            assertTrue(marker.x() > 0, marker.toString());
            assertTrue(marker.x() < 500, marker.toString());
            assertTrue(marker.y() > 0, marker.toString());
            assertTrue(marker.y() < 300, marker.toString());
        }
        // The middle value is halfway between the others because the y axis is linear.
        assertEquals((markers.get(0).y() + markers.get(2).y()) / 2, markers.get(1).y(), 1e-9);
    }

    @Test
    void tooltipsNameSeriesEpochAndValue() {
        RecordingCanvas canvas = paint(HistoryCharts.of(ReportFixtures.history(2)).get(1));

        assertEquals("training set, epoch 2: 70.00 %", canvas.markersOf("train").get(1).tooltip());
        assertEquals("test set, epoch 1: 55.00 %", canvas.markersOf("test").get(0).tooltip());
    }

    @Test
    void legendWrapsManySeries() {
        List<Series> many = new java.util.ArrayList<>();
        for (int i = 0; i < 9; i++) {
            many.add(new Series("s" + i, "activation-" + i, BLUE, false, new double[] {1, 2}, new double[] {i, i + 1}));
        }
        RecordingCanvas canvas = new RecordingCanvas();
        LineChartPainter.paint(new LineChart("c", "t", "epoch", "v", "%.1f", many), canvas, 0, 0, 480, 330);

        assertEquals(18, canvas.markers.size());
        double highestMarker = canvas.markers.stream().mapToDouble(RecordingCanvas.Marker::y).min().orElseThrow();
        assertTrue(highestMarker > 34 + 16 * 3, "plot starts below three legend rows, top marker at " + highestMarker);
    }
}
