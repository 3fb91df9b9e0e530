package org.cortexj.train.report;

import java.util.List;

/**
 * A line chart: titled axes with units and one or more series.
 *
 * @param id element id of the chart in the HTML page
 * @param title heading drawn above the plot
 * @param xLabel x axis label with its unit, for example {@code epoch}
 * @param yLabel y axis label with its unit, for example {@code accuracy (%)}
 * @param valueFormat {@link String#format} pattern of one value in tooltips, for example {@code "%.2f %%"}
 * @param series the lines, drawn in order
 */
public record LineChart(String id, String title, String xLabel, String yLabel, String valueFormat,
                        List<Series> series) {

    public LineChart {
        series = List.copyOf(series);
    }
}
