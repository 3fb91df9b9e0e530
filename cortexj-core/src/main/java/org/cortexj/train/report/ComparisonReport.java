package org.cortexj.train.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.cortexj.train.EpochMetrics;

/**
 * The page of {@code cortexj compare}: one table row per activation and four charts (test
 * accuracy, test loss, training accuracy, training loss per epoch), each overlaying one line per
 * activation. A {@code curves.png} of the same charts is written beside the page.
 */
public final class ComparisonReport {

    /** Line colors, one per activation in order, repeating after ten (Tableau 10 palette). */
    static final List<Rgb> PALETTE = List.of(Rgb.hex("#4e79a7"), Rgb.hex("#f28e2b"), Rgb.hex("#e15759"),
            Rgb.hex("#76b7b2"), Rgb.hex("#59a14f"), Rgb.hex("#edc948"), Rgb.hex("#b07aa1"), Rgb.hex("#ff9da7"),
            Rgb.hex("#9c755f"), Rgb.hex("#bab0ac"));

    private ComparisonReport() {
    }

    /** Paths of the written files. */
    public record WrittenComparison(Path html, Path curves) {
    }

    /**
     * Writes the page to {@code html} and {@code curves.png} into the same folder.
     *
     * @param settings rows of the settings table in order, such as {@code dataset -> mnist}; values are escaped
     */
    public static WrittenComparison write(Path html, List<ComparisonRun> runs, Map<String, String> settings)
            throws IOException {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("comparison report: no runs to show; pass at least one activation");
        }
        ReportFiles.writeText(html, page(runs, settings));
        Path curves = html.toAbsolutePath().getParent().resolve("curves.png");
        ReportFiles.writeBytes(curves, PngCharts.curves(charts(runs), 2));
        return new WrittenComparison(html, curves);
    }

    static String page(List<ComparisonRun> runs, Map<String, String> settings) {
        StringBuilder body = new StringBuilder("<header>\n<h1>cortexj activation comparison</h1>\n")
                .append("<p class=\"subtitle\">The same network, data and settings, trained once per activation.</p>\n")
                .append("</header>\n<main>\n<section id=\"runs\">\n<h2>Runs</h2>\n<div class=\"columns\">\n<div>\n");
        runTable(body, runs);
        body.append("</div>\n<div>\n<table class=\"settings\">\n");
        settings.forEach((name, value) -> body.append("<tr><th scope=\"row\">").append(HtmlText.escape(name))
                .append("</th><td>").append(HtmlText.escape(value)).append("</td></tr>\n"));
        body.append("</table>\n</div>\n</div>\n</section>\n<section id=\"curves\">\n<h2>Curves</h2>\n")
                .append("<div class=\"columns\">\n");
        for (LineChart chart : charts(runs)) {
            body.append("<div>\n").append(LineChartPainter.toSvg(chart, HistorySection.CHART_WIDTH,
                    HistorySection.CHART_HEIGHT)).append("</div>\n");
        }
        body.append("</div>\n</section>\n</main>\n").append(ReportPage.footer());
        return PageShell.page("cortexj activation comparison", body.toString(), false);
    }

    private static void runTable(StringBuilder body, List<ComparisonRun> runs) {
        body.append("<table id=\"comparison-runs\" class=\"grid\">\n<thead><tr><th>activation</th>"
                + "<th class=\"number\">epochs</th><th class=\"number\">best test accuracy</th>"
                + "<th class=\"number\">best epoch</th><th class=\"number\">wall time (s)</th>"
                + "<th class=\"number\">images/s</th></tr></thead>\n<tbody>\n");
        for (ComparisonRun run : runs) {
            body.append("<tr><td>").append(HtmlText.escape(run.activation())).append("</td><td class=\"number\">")
                    .append(run.history().size()).append("</td><td class=\"number\">")
                    .append(HtmlText.fraction(run.bestAccuracy())).append("</td><td class=\"number\">")
                    .append(run.bestEpoch()).append("</td><td class=\"number\">")
                    .append(String.format(Locale.ROOT, "%.1f", run.seconds())).append("</td><td class=\"number\">")
                    .append(String.format(Locale.ROOT, "%,.0f", RunMetadata.imagesPerSecond(run.history())))
                    .append("</td></tr>\n");
        }
        body.append("</tbody>\n</table>\n");
    }

    /** Test accuracy, test loss, training accuracy and training loss, one series per run. */
    static List<LineChart> charts(List<ComparisonRun> runs) {
        return List.of(
                chart(runs, "test-accuracy-chart", "Test accuracy", HistoryCharts.ACCURACY_LABEL, "%.2f %%",
                        EpochMetrics::testAccuracy, 100),
                chart(runs, "test-loss-chart", "Test loss", HistoryCharts.LOSS_LABEL, "%.4f",
                        EpochMetrics::testLoss, 1),
                chart(runs, "train-accuracy-chart", "Training accuracy", HistoryCharts.ACCURACY_LABEL, "%.2f %%",
                        EpochMetrics::trainAccuracy, 100),
                chart(runs, "train-loss-chart", "Training loss", HistoryCharts.LOSS_LABEL, "%.4f",
                        EpochMetrics::trainLoss, 1));
    }

    private static LineChart chart(List<ComparisonRun> runs, String id, String title, String yLabel, String format,
                                   ToDoubleFunction<EpochMetrics> metric, double factor) {
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            ComparisonRun run = runs.get(i);
            series.add(HistoryCharts.series(run.activation(), run.activation(), PALETTE.get(i % PALETTE.size()),
                    false, run.history(), metric, factor));
        }
        return new LineChart(id, title, "epoch", yLabel, format, series);
    }
}
