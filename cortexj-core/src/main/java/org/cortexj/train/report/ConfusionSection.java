package org.cortexj.train.report;

import org.cortexj.train.ConfusionMatrix;

/**
 * The confusion matrix as a clickable heatmap, the panel where a clicked cell's images appear,
 * and the JSON data the page script reads for them.
 */
final class ConfusionSection {

    private ConfusionSection() {
    }

    static String render(ReportData data) {
        ConfusionMatrix matrix = data.evaluation().result().confusion();
        StringBuilder html = new StringBuilder("<section id=\"confusion\">\n<h2>Confusion matrix</h2>\n")
                .append("<div class=\"columns\">\n<div>\n").append(heatmapSvg(matrix))
                .append("<p class=\"note\">Rows are true classes, columns predicted classes; each cell counts test "
                        + "images. Blue cells are correct, red cells errors, both shaded on a logarithmic scale. "
                        + "Click a cell to see its images (up to ").append(GalleryData.CELL_LIMIT)
                .append(", most confident first) with their predicted probabilities.</p>\n</div>\n")
                .append("<div id=\"cell-gallery\" aria-live=\"polite\"><p class=\"note\">No cell selected.</p></div>\n")
                .append("</div>\n<script type=\"application/json\" id=\"report-data\">")
                .append(GalleryData.json(data.evaluation().predictions(), data.testImages()))
                .append("</script>\n</section>\n");
        return html.toString();
    }

    static String heatmapSvg(ConfusionMatrix matrix) {
        int classes = matrix.classes();
        SvgCanvas canvas = new SvgCanvas("confusion-heatmap", ConfusionHeatmapPainter.width(classes),
                ConfusionHeatmapPainter.height(classes), "confusion matrix, rows are true classes, columns predicted");
        ConfusionHeatmapPainter.paint(matrix, canvas, 0, 0);
        return canvas.toSvg();
    }
}
