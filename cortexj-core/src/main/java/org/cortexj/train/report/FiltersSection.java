package org.cortexj.train.report;

import java.util.Locale;

/**
 * The learned filters of the first convolution layer as small grayscale images, one per filter
 * and input channel. Each filter is scaled by its own largest absolute weight: mid-gray is 0,
 * white the largest positive weight, black the most negative.
 */
final class FiltersSection {

    private FiltersSection() {
    }

    static String render(ReportData data) {
        if (data.filters().isEmpty()) {
            return "";
        }
        ConvFilters filters = data.filters().get();
        StringBuilder html = new StringBuilder("<section id=\"filters\">\n<h2>First-layer filters</h2>\n")
                .append("<p class=\"note\">").append(filters.filters()).append(" filters of layer ")
                .append(HtmlText.escape(filters.layer())).append(", ").append(filters.height()).append('x')
                .append(filters.width()).append(filters.channels() == 1 ? "" : ", one image per input channel")
                .append(". Mid-gray is 0; each filter is scaled by its own largest absolute weight, shown under "
                        + "it.</p>\n<div class=\"filters\" id=\"filter-grid\">\n");
        int plane = filters.height() * filters.width();
        float[] weights = filters.weights();
        for (int f = 0; f < filters.filters(); f++) {
            double scale = filters.largestMagnitude(f);
            for (int channel = 0; channel < filters.channels(); channel++) {
                int offset = (f * filters.channels() + channel) * plane;
                String name = "filter " + f + (filters.channels() == 1 ? "" : ", channel " + channel);
                html.append("<figure><img class=\"filter\" src=\"").append(PngImages.dataUri(PngImages.weightImage(
                                weights, offset, filters.height(), filters.width(), scale > 0 ? scale : 1)))
                        .append("\" alt=\"").append(name).append("\" title=\"").append(name).append("\"><figcaption>")
                        .append(String.format(Locale.ROOT, "&plusmn;%.2f", scale)).append("</figcaption></figure>\n");
            }
        }
        return html.append("</div>\n</section>\n").toString();
    }
}
