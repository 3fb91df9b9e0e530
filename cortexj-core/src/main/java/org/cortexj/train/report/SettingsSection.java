package org.cortexj.train.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import org.cortexj.nn.description.NetworkDescription;
import org.cortexj.nn.description.NetworkSummary;
import org.cortexj.train.EvaluationResult;

/** The page header, the headline numbers, the run's settings and the network summary table. */
final class SettingsSection {

    static final String NOT_RECORDED = "not recorded";

    private SettingsSection() {
    }

    static String header(ReportData data, Instant written) {
        ReportContext context = data.context();
        return "<header>\n<h1>cortexj training report</h1>\n<p class=\"subtitle\">"
                + HtmlText.escape(context.modelFile()) + " &middot; written by " + HtmlText.escape(context.writtenBy())
                + " on " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
                .format(written.atOffset(ZoneOffset.UTC)) + "</p>\n</header>\n";
    }

    static String render(ReportData data) {
        EvaluationResult result = data.evaluation().result();
        StringBuilder html = new StringBuilder("<section id=\"settings\">\n<h2>Run</h2>\n<div class=\"headline\">\n");
        headline(html, "test-accuracy", HtmlText.fraction(result.accuracy()), "test accuracy ("
                + HtmlText.percent(result.accuracy()) + ")");
        headline(html, "test-loss", String.format(Locale.ROOT, "%.6f", result.loss()), "test loss (nats per image)");
        headline(html, "errors", HtmlText.count(result.examples() - result.confusion().correct()),
                "errors of " + HtmlText.count(result.examples()) + " test images");
        html.append("</div>\n<div class=\"columns\">\n<div>\n<h3>Settings</h3>\n");
        settingsTable(html, data);
        html.append("</div>\n<div>\n<h3>Network</h3>\n");
        networkTable(html, data.network());
        return html.append("</div>\n</div>\n</section>\n").toString();
    }

    private static void headline(StringBuilder html, String metric, String value, String label) {
        html.append("<div><b data-metric=\"").append(metric).append("\">").append(HtmlText.escape(value))
                .append("</b><span>").append(HtmlText.escape(label)).append("</span></div>\n");
    }

    private static void settingsTable(StringBuilder html, ReportData data) {
        RunSettings run = data.run();
        ReportContext context = data.context();
        html.append("<table class=\"settings\">\n");
        row(html, "dataset", run.dataset() == null ? NOT_RECORDED : run.dataset()
                + (run.trainImages() >= 0 ? ", " + HtmlText.count(run.trainImages()) + " training images" : ""));
        row(html, "test set", context.testDataset() + " test split, "
                + HtmlText.count(data.evaluation().result().examples()) + " images");
        row(html, "optimizer", run.optimizer() == null ? NOT_RECORDED : run.optimizer() + ", learning rate "
                + plain(run.learningRate()) + (run.schedule() == null ? "" : " (" + run.schedule() + ")")
                + (run.weightDecay() > 0 ? ", weight decay " + plain(run.weightDecay()) : "")
                + (run.labelSmoothing() > 0 ? ", label smoothing " + plain(run.labelSmoothing()) : "")
                + ", batch size " + known(run.batchSize()));
        row(html, "epochs", run.epochs() < 0 ? NOT_RECORDED : run.epochs() + (run.bestEpoch() > 0
                ? " (network of epoch " + run.bestEpoch() + " kept)" : ""));
        row(html, "seed", run.seed() == null ? NOT_RECORDED : Long.toString(run.seed()));
        row(html, "library version", run.libraryVersion() == null ? NOT_RECORDED : "cortexj " + run.libraryVersion());
        row(html, "wall time", Double.isNaN(run.wallSeconds()) ? NOT_RECORDED : duration(run.wallSeconds())
                + " (training and evaluation)");
        row(html, "throughput", Double.isNaN(run.imagesPerSecond()) ? NOT_RECORDED
                : String.format(Locale.ROOT, "%,.0f training images/s", run.imagesPerSecond()));
        row(html, "trained on", run.machine() == null ? NOT_RECORDED : run.machine().describe());
        if (!context.machine().equals(run.machine())) {
            row(html, "evaluated on", context.machine().describe());
        }
        html.append("</table>\n");
    }

    private static void row(StringBuilder html, String name, String value) {
        html.append("<tr><th scope=\"row\">").append(HtmlText.escape(name)).append("</th><td>")
                .append(HtmlText.escape(value)).append("</td></tr>\n");
    }

    private static void networkTable(StringBuilder html, NetworkDescription network) {
        html.append("<table id=\"network-summary\" class=\"grid\">\n<thead><tr><th>#</th><th>layer</th><th>id</th>"
                + "<th>output shape</th><th class=\"number\">parameters</th></tr></thead>\n<tbody>\n");
        for (NetworkSummary.Row row : NetworkSummary.rows(network)) {
            html.append("<tr><td>").append(HtmlText.escape(row.position())).append("</td><td>")
                    .append(HtmlText.escape(row.layer())).append("</td><td>").append(HtmlText.escape(row.id()))
                    .append("</td><td>").append(HtmlText.escape(Arrays.toString(row.outputShape())))
                    .append("</td><td class=\"number\">").append(HtmlText.count(row.parameters()))
                    .append("</td></tr>\n");
        }
        html.append("<tr class=\"total\"><td></td><td colspan=\"3\">total parameters</td><td class=\"number\">")
                .append(HtmlText.count(network.parameterCount())).append("</td></tr>\n</tbody>\n</table>\n");
    }

    private static String known(int value) {
        return value < 0 ? NOT_RECORDED : Integer.toString(value);
    }

    /** Formats a decimal without exponent or trailing zeros, such as 0.0001. */
    private static String plain(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() : NOT_RECORDED;
    }

    /** Formats seconds as {@code 83.4 s (1:23)}, or {@code 0.8 s} below a minute. */
    static String duration(double seconds) {
        long whole = Math.round(seconds);
        String clock = whole >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
                : String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
        return String.format(Locale.ROOT, "%.1f s", seconds) + (seconds >= 60 ? " (" + clock + ")" : "");
    }
}
