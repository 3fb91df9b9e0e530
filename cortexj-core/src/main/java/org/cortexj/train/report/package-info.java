/**
 * The training report: one self-contained HTML page per model ({@link
 * org.cortexj.train.report.TrainingReport}) and one per activation comparison ({@link
 * org.cortexj.train.report.ComparisonReport}), with PNG copies of their charts.
 *
 * <p>Layers, from data to output: {@link org.cortexj.train.report.ReportData} gathers the run's
 * settings, history and one evaluation pass with per-image probabilities; the painters ({@link
 * org.cortexj.train.report.LineChartPainter}, {@link
 * org.cortexj.train.report.ConfusionHeatmapPainter}) draw onto a {@link
 * org.cortexj.train.report.ChartCanvas}, which is inline SVG for the page and Java2D for the
 * PNGs; the section classes turn the data into HTML, and {@code PageShell} inlines the style
 * sheet and script from the resources next to these classes. Pages make no network request.
 */
package org.cortexj.train.report;
