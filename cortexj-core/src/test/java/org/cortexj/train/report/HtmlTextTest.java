package org.cortexj.train.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void escapesMarkupCharacters() {
        assertEquals("&lt;b&gt;a &amp; b&lt;/b&gt; &quot;q&quot; &#39;s&#39;",
                HtmlText.escape("<b>a & b</b> \"q\" 's'"));
    }

    @Test
    void escapeKeepsPlainTextAndWhitespace() {
        assertEquals("mnist, 60,000 images\tnext\nline", HtmlText.escape("mnist, 60,000 images\tnext\nline"));
        assertEquals("", HtmlText.escape(""));
    }

    @Test
    void escapeReplacesControlCharacters() {
        assertEquals("a\uFFFDb\uFFFDc", HtmlText.escape("a\u0000b\u001bc"));
    }

    @Test
    void scriptJsonCannotCloseElement() throws Exception {
        String hostile = "</script><script>alert(1)</script><!--";
        String json = new ObjectMapper().writeValueAsString(Map.of("name", hostile));

        String safe = HtmlText.jsonForScript(json);

        assertFalse(safe.contains("<"), safe);
        assertEquals(hostile, new ObjectMapper().readTree(safe).get("name").asText(), "JSON still parses to the text");
    }

    @Test
    void svgEscapesDataText() {
        SvgCanvas canvas = new SvgCanvas("id\"x", 10, 10, "a<b");
        canvas.text(1, 1, "</svg><script>", TextStyle.of(10, TextStyle.Anchor.START, Rgb.hex("#000000")));
        canvas.beginGroup("g", Map.of("data-name", "\"><script>"), "<title>");
        canvas.endGroup();
        String svg = canvas.toSvg();

        assertFalse(svg.contains("<script>"), svg);
        assertTrue(svg.contains("id=\"id&quot;x\""), svg);
        assertTrue(svg.contains("&lt;/svg&gt;&lt;script&gt;"), svg);
        assertEquals(1, ReportFixtures.count(svg, "</svg>"));
    }

    @Test
    void probabilityNeverRoundsToCertainty() {
        assertEquals("97.3 %", HtmlText.probability(0.9731));
        assertEquals("> 99.9 %", HtmlText.probability(0.99996));
        assertEquals("100.0 %", HtmlText.probability(1.0));
        assertEquals("99.9 %", HtmlText.probability(0.9994));
        assertEquals("< 0.1 %", HtmlText.probability(0.00004));
        assertEquals("0.0 %", HtmlText.probability(0.0));
        assertEquals("0.1 %", HtmlText.probability(0.0005));
    }

    @Test
    void galleryRoundingKeepsUncertainty() {
        assertEquals(0.973125, GalleryData.rounded(0.973125f), 1e-7);
        assertEquals(1e-6, GalleryData.rounded(1e-9f));
        assertEquals(1 - 1e-6, GalleryData.rounded(0.99999994f));
        assertEquals(0.0, GalleryData.rounded(0f));
        assertEquals(1.0, GalleryData.rounded(1f));
    }

    @Test
    void formatsMatchEvaluateOutput() {
        assertEquals("0.9812", HtmlText.fraction(0.98124));
        assertEquals("n/a", HtmlText.fraction(Double.NaN));
        assertEquals("98.12 %", HtmlText.percent(0.98124));
        assertEquals("10,000", HtmlText.count(10_000));
        assertEquals(List.of("12.5", "12", "0", "-3.25", "0"),
                List.of(HtmlText.coordinate(12.5), HtmlText.coordinate(12.0001), HtmlText.coordinate(0),
                        HtmlText.coordinate(-3.25), HtmlText.coordinate(-0.001)));
    }
}
