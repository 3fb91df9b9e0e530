package org.cortexj.train.report;

/** Loss and accuracy per epoch as two line charts, or a note when the model has no history. */
final class HistorySection {

    static final double CHART_WIDTH = 540;
    static final double CHART_HEIGHT = 340;

    private HistorySection() {
    }

    static String render(ReportData data) {
        StringBuilder html = new StringBuilder("<section id=\"history\">\n<h2>Training history</h2>\n");
        if (!data.hasHistory()) {
            return html.append("<p class=\"note\" id=\"history-unavailable\">The history is not available: this "
                    + "model file stores no per-epoch metrics, because it was written before <code>cortexj train</code> "
                    + "stored them or by another program.</p>\n</section>\n").toString();
        }
        html.append("<div class=\"columns\">\n");
        for (LineChart chart : HistoryCharts.of(data.history())) {
            html.append("<div>\n").append(LineChartPainter.toSvg(chart, CHART_WIDTH, CHART_HEIGHT)).append("</div>\n");
        }
        html.append("</div>\n<p class=\"note\">Training values are means over each epoch's batches in training mode "
                + "(dropout active) while the weights change; test values come from one pass over the test set in "
                + "evaluation mode after the epoch.</p>\n");
        return html.append("</section>\n").toString();
    }
}
