package org.cortexj.train.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A canvas that records what a painter drew, for tests that check geometry and counts. */
final class RecordingCanvas implements ChartCanvas {

    /** One marker with the group it was drawn in. */
    record Marker(double x, double y, String group, String tooltip) {
    }

    /** One group with its attributes. */
    record Group(String cssClass, Map<String, String> attributes, String tooltip) {
    }

    final List<Marker> markers = new ArrayList<>();
    final List<double[][]> polylines = new ArrayList<>();
    final List<Group> groups = new ArrayList<>();
    final List<String> texts = new ArrayList<>();
    int rectangles;
    private String currentGroup;

    @Override
    public void line(double x1, double y1, double x2, double y2, Pen pen) {
    }

    @Override
    public void polyline(double[] xs, double[] ys, Pen pen) {
        polylines.add(new double[][] {xs.clone(), ys.clone()});
    }

    @Override
    public void marker(double x, double y, double radius, Rgb fill, String tooltip) {
        markers.add(new Marker(x, y, currentGroup, tooltip));
    }

    @Override
    public void rectangle(double x, double y, double width, double height, Rgb fill, Pen outline) {
        rectangles++;
    }

    @Override
    public void text(double x, double y, String text, TextStyle style) {
        texts.add(text);
    }

    @Override
    public void beginGroup(String cssClass, Map<String, String> attributes, String tooltip) {
        groups.add(new Group(cssClass, new LinkedHashMap<>(attributes), tooltip));
        currentGroup = attributes.getOrDefault("data-series", cssClass);
    }

    @Override
    public void endGroup() {
        currentGroup = null;
    }

    List<Marker> markersOf(String series) {
        return markers.stream().filter(marker -> series.equals(marker.group())).toList();
    }
}
