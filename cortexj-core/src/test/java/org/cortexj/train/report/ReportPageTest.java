package org.cortexj.train.report;

import static org.cortexj.train.report.ReportFixtures.count;
import static org.cortexj.train.report.ReportFixtures.elementText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cortexj.data.idx.ImageDataset;
import org.cortexj.nn.description.NetworkDescription;
import org.cortexj.train.ConfusionMatrix;
import org.cortexj.train.Predictions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportPageTest {

    @TempDir
    Path folder;

    private static String page(ReportData data) {
        return ReportPage.render(data, Instant.parse("2026-01-02T03:04:05Z"));
    }

    @Test
    void pageHasEverySection() {
        String html = page(ReportFixtures.report(ReportFixtures.convNetwork(), ReportFixtures.bars(60, 1), 3));

        for (String id : new String[] {"settings", "history", "confusion", "per-class", "mistakes", "filters"}) {
            assertTrue(html.contains("<section id=\"" + id + "\">"), "section " + id);
        }
        assertEquals(2, count(html, "<svg [^>]*id=\"(loss|accuracy)-chart\""));
        assertEquals(12, count(html, "<circle class=\"point\""), "2 charts x 2 series x 3 epochs");
        assertEquals(16, count(html, "<g class=\"cell\""), "4 x 4 confusion cells");
        assertEquals(4, count(html, "<tr data-class=\""), "per-class rows");
        assertEquals(3, count(html, "<img class=\"filter\""), "one image per filter");
        assertTrue(html.contains("2026-01-02 03:04 UTC"));
    }

    @Test
    void headlineAndTablesShowEvaluation() {
        ReportData data = ReportFixtures.report(ReportFixtures.convNetwork(), ReportFixtures.bars(60, 1), 2);
        ConfusionMatrix matrix = data.evaluation().result().confusion();
        String html = page(data);

        assertEquals(HtmlText.fraction(matrix.accuracy()), elementText(html, "data-metric=\"test-accuracy\""));
        assertEquals(Long.toString(60 - matrix.correct()), elementText(html, "data-metric=\"errors\""));
        Matcher row = Pattern.compile("<tr data-class=\"(\\d)\"><td>\\d</td><td class=\"number\">([^<]+)</td>"
                + "<td class=\"number\">([^<]+)</td><td class=\"number\">([^<]+)</td>").matcher(html);
        int rows = 0;
        while (row.find()) {
            int c = Integer.parseInt(row.group(1));
            assertEquals(HtmlText.fraction(matrix.precision(c)), row.group(2), "precision of " + c);
            assertEquals(HtmlText.fraction(matrix.recall(c)), row.group(3), "recall of " + c);
            assertEquals(HtmlText.fraction(matrix.f1(c)), row.group(4), "F1 of " + c);
            rows++;
        }
        assertEquals(4, rows);
    }

    @Test
    void galleryDataListsCellImages() throws IOException {
        ReportData data = ReportFixtures.report(ReportFixtures.convNetwork(), ReportFixtures.bars(60, 1), 1);
        String html = page(data);
        String json = elementText(html, "id=\"report-data\"");
        JsonNode root = new ObjectMapper().readTree(json);
        Predictions predictions = data.evaluation().predictions();
        ConfusionMatrix matrix = data.evaluation().result().confusion();

        assertEquals(4, root.get("classes").asInt());
        assertEquals(16, root.get("cells").size());
        int listed = 0;
        for (int cell = 0; cell < 16; cell++) {
            JsonNode ids = root.get("cells").get(cell);
            assertEquals(Math.min(100, matrix.count(cell / 4, cell % 4)), ids.size(), "images listed in cell " + cell);
            for (int i = 0; i < ids.size(); i++) {
                int id = ids.get(i).asInt();
                JsonNode image = root.get("images").get(Integer.toString(id));
                assertEquals(cell / 4, image.get(1).asInt(), "true class of image " + id);
                assertEquals(cell % 4, image.get(2).asInt(), "predicted class of image " + id);
                assertEquals(predictions.confidence(id), image.get(3).get(cell % 4).asDouble(), 5e-5);
                PngImagesTest.decodeDataUri(PngImages.DATA_URI_PREFIX + image.get(0).asText());
                if (i > 0) {
                    assertTrue(predictions.confidence(ids.get(i - 1).asInt()) >= predictions.confidence(id),
                            "cell " + cell + " is sorted by confidence");
                }
            }
            listed += ids.size();
        }
        assertEquals(60, listed, "every image is listed once when no cell exceeds the limit");
    }

    @Test
    void pageLoadsNothingExternal() throws IOException {
        String html = page(ReportFixtures.report(ReportFixtures.convNetwork(), ReportFixtures.bars(40, 2), 2));

        assertTrue(html.contains("http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'"));
        assertEquals(0, count(html, "<link|@import|url\\(|src=\"(?!data:image/png;base64,)|href=|<iframe|<object"));
        // The only URL is the SVG namespace name, which is an identifier that browsers never fetch.
        assertEquals(count(html, "https?://"), count(html, "xmlns=\"http://www.w3.org/2000/svg\""));
        Matcher image = Pattern.compile("src=\"(data:[^\"]+)\"").matcher(html);
        int images = 0;
        while (image.find()) {
            PngImagesTest.decodeDataUri(image.group(1));
            images++;
        }
        assertTrue(images >= 3, "mistake and filter images are inline, found " + images);
    }

    @Test
    void dataTextIsEscaped() {
        ImageDataset test = ReportFixtures.bars(20, 3);
        ReportData plain = ReportFixtures.report(ReportFixtures.convNetwork(), test, 1);
        ReportContext hostile = new ReportContext("cortexj test", "out/</script><script>alert(1)</script>.cjm",
                "<img src=x onerror=alert(1)>", MachineInfo.current());
        ReportData data = new ReportData(hostile, plain.run(), plain.network(), plain.history(), plain.evaluation(),
                test, plain.filters());

        String html = page(data);

        assertEquals(1, count(html, "<script>"), "only the page script");
        assertFalse(html.contains("<img src=x"), "dataset name is escaped");
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt; test split"));
    }

    @Test
    void missingHistoryIsExplained() throws IOException {
        ReportData data = ReportFixtures.report(ReportFixtures.convNetwork(), ReportFixtures.bars(30, 4), 0);
        String html = page(data);

        assertTrue(html.contains("id=\"history-unavailable\""));
        assertTrue(html.contains("The history is not available"));
        assertEquals(0, count(html, "<circle class=\"point\""));
        assertTrue(html.contains("not recorded"), "absent settings are marked");

        TrainingReport.WrittenReport files = TrainingReport.write(folder.resolve("report.html"), data);
        assertNull(files.curves());
        assertFalse(Files.exists(folder.resolve("curves.png")));
        assertTrue(Files.size(folder.resolve("confusion.png")) > 0);
    }

    @Test
    void writeCreatesPageAndPngs() throws IOException {
        ReportData data = ReportFixtures.report(ReportFixtures.convNetwork(), ReportFixtures.bars(30, 4), 2);

        TrainingReport.WrittenReport files = TrainingReport.write(folder.resolve("sub/report.html"), data);

        assertEquals(folder.resolve("sub/curves.png").toAbsolutePath(), files.curves());
        PngImagesTest.decodePng(Files.readAllBytes(files.curves()));
        PngImagesTest.decodePng(Files.readAllBytes(files.confusion()));
        assertTrue(Files.readString(files.html()).startsWith("<!DOCTYPE html>"));
        try (var listing = Files.list(folder.resolve("sub"))) {
            assertEquals(3, listing.count(), "no temporary files are left");
        }
    }

    @Test
    void linearFirstLayerHasNoFilters() {
        NetworkDescription linear = NetworkDescription.builder(1, 8, 8).flatten().linear("hidden", 8)
                .activation("relu").linear("out", 4).build();
        String html = page(ReportFixtures.report(linear, ReportFixtures.bars(20, 5), 1));

        assertFalse(html.contains("id=\"filters\""));
        assertTrue(html.contains("id=\"network-summary\""));
    }
}
