package org.cortexj.train.report;

import org.cortexj.train.ConfusionMatrix;

/** Per-class precision, recall, F1 and support, with their unweighted means over classes. */
final class PerClassSection {

    private PerClassSection() {
    }

    static String render(ConfusionMatrix matrix) {
        StringBuilder html = new StringBuilder("<section id=\"per-class\">\n<h2>Per-class metrics</h2>\n")
                .append("<table id=\"per-class-metrics\" class=\"grid\">\n<thead><tr><th>class</th>"
                        + "<th class=\"number\">precision</th><th class=\"number\">recall</th>"
                        + "<th class=\"number\">F1</th><th class=\"number\">support</th></tr></thead>\n<tbody>\n");
        double[] sums = new double[3];
        int[] defined = new int[3];
        for (int c = 0; c < matrix.classes(); c++) {
            double[] values = {matrix.precision(c), matrix.recall(c), matrix.f1(c)};
            html.append("<tr data-class=\"").append(c).append("\"><td>").append(c).append("</td>");
            for (int m = 0; m < 3; m++) {
                html.append("<td class=\"number\">").append(HtmlText.fraction(values[m])).append("</td>");
                if (!Double.isNaN(values[m])) {
                    sums[m] += values[m];
                    defined[m]++;
                }
            }
            html.append("<td class=\"number\">").append(HtmlText.count(support(matrix, c))).append("</td></tr>\n");
        }
        html.append("<tr class=\"total\"><td>mean</td>");
        for (int m = 0; m < 3; m++) {
            html.append("<td class=\"number\">").append(HtmlText.fraction(defined[m] == 0 ? Double.NaN
                    : sums[m] / defined[m])).append("</td>");
        }
        html.append("<td class=\"number\">").append(HtmlText.count(matrix.total())).append("</td></tr>\n")
                .append("</tbody>\n</table>\n<p class=\"note\">Precision: of the images predicted as the class, the "
                        + "fraction that are. Recall: of the images of the class, the fraction found. F1: their "
                        + "harmonic mean. n/a: undefined because no image was predicted as, or belongs to, the "
                        + "class. The mean row averages the defined values with equal weight per class.</p>\n")
                .append("</section>\n");
        return html.toString();
    }

    private static long support(ConfusionMatrix matrix, int c) {
        long support = 0;
        for (int predicted = 0; predicted < matrix.classes(); predicted++) {
            support += matrix.count(c, predicted);
        }
        return support;
    }
}
