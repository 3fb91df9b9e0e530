package org.cortexj.train.report;

import static org.cortexj.train.report.ReportFixtures.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonReportTest {

    @TempDir
    Path folder;

    private static List<ComparisonRun> runs() {
        return List.of(new ComparisonRun("selu", ReportFixtures.history(3), 3, 0.75, 30),
                new ComparisonRun("relu", ReportFixtures.history(2), 2, 0.65, 20));
    }

    @Test
    void chartsOverlayEveryActivation() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("dataset", "mnist <first 500>");
        String html = ComparisonReport.page(runs(), settings);

        assertEquals(4, count(html, "<svg [^>]*class=\"chart\""));
        for (String chart : new String[] {"test-accuracy-chart", "test-loss-chart", "train-accuracy-chart",
            "train-loss-chart"}) {
            String svg = html.substring(html.indexOf("id=\"" + chart + "\""));
            svg = svg.substring(0, svg.indexOf("</svg>"));
            String selu = svg.substring(svg.indexOf("data-series=\"selu\""), svg.indexOf("data-series=\"relu\""));
            String relu = svg.substring(svg.indexOf("data-series=\"relu\""));
            assertEquals(3, count(selu, "<circle class=\"point\""), chart + " selu");
            assertEquals(2, count(relu, "<circle class=\"point\""), chart + " relu");
        }
        assertEquals(2, count(html, "<tr><td>(selu|relu)</td>"));
        assertTrue(html.contains("mnist &lt;first 500&gt;"));
        assertEquals(0, count(html, "<script"), "the comparison page needs no script");
    }

    @Test
    void writeCreatesPageAndCurves() throws IOException {
        ComparisonReport.WrittenComparison files = ComparisonReport.write(folder.resolve("compare.html"), runs(),
                Map.of());

        assertTrue(Files.readString(files.html()).contains("cortexj activation comparison"));
        var image = PngImagesTest.decodePng(Files.readAllBytes(files.curves()));
        assertEquals((int) (4 * PngCharts.PANEL_HEIGHT), image.getHeight(), "two rows of two panels at scale 2");
    }

    @Test
    void emptyComparisonIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> ComparisonReport.write(folder.resolve("compare.html"), List.of(), Map.of()));
    }
}
