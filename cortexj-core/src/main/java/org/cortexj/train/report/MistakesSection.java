package org.cortexj.train.report;

import java.util.List;
import org.cortexj.train.Predictions;

/** A grid of the test images the network got wrong with the highest confidence. */
final class MistakesSection {

    /** Most images shown. */
    static final int LIMIT = 48;

    private MistakesSection() {
    }

    static String render(ReportData data) {
        Predictions predictions = data.evaluation().predictions();
        List<Integer> mistakes = CellSelection.confidentMistakes(predictions, LIMIT);
        StringBuilder html = new StringBuilder("<section id=\"mistakes\">\n<h2>Most confident mistakes</h2>\n");
        if (mistakes.isEmpty()) {
            return html.append("<p class=\"note\">No test image is misclassified.</p>\n</section>\n").toString();
        }
        html.append("<p class=\"note\">The ").append(mistakes.size())
                .append(" wrong predictions with the highest probability, most confident first. Under each image: "
                        + "the predicted class with its probability, then in red the true class with its "
                        + "probability.</p>\n<div class=\"gallery\" id=\"mistake-grid\">\n");
        for (int id : mistakes) {
            figure(html, data, predictions, id);
        }
        return html.append("</div>\n</section>\n").toString();
    }

    private static void figure(StringBuilder html, ReportData data, Predictions predictions, int id) {
        int label = predictions.label(id);
        int predicted = predictions.predicted(id);
        html.append("<figure title=\"").append(HtmlText.escape(tooltip(predictions, id)))
                .append("\"><img class=\"digit\" src=\"")
                .append(PngImages.dataUri(PngImages.datasetImage(data.testImages(), id)))
                .append("\" alt=\"test image ").append(id).append(", true class ").append(label)
                .append(", predicted ").append(predicted).append("\"><figcaption>").append(predicted).append(": ")
                .append(HtmlText.probability(predictions.probability(id, predicted)))
                .append("<div class=\"wrong\">").append(label)
                .append(": ").append(HtmlText.probability(predictions.probability(id, label)))
                .append("</div></figcaption></figure>\n");
    }

    static String tooltip(Predictions predictions, int id) {
        StringBuilder text = new StringBuilder("test image " + id);
        for (int c = 0; c < predictions.classes(); c++) {
            text.append("\nclass ").append(c).append(": ")
                    .append(HtmlText.probability(predictions.probability(id, c)));
        }
        return text.toString();
    }
}
