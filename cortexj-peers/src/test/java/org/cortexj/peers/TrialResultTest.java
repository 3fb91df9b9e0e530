package org.cortexj.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialResultTest {

    @Test
    void formatThenParseKeepsFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("system", "djl");
        fields.put("trainImagesPerSecond", "2432.5000");
        fields.put("peakRssKiB", "812345");

        String line = TrialResult.of(fields).format();
        TrialResult parsed = TrialResult.parse(line);

        assertEquals("RESULT system=djl trainImagesPerSecond=2432.5000 peakRssKiB=812345", line);
        assertEquals(fields, parsed.values());
        assertEquals(2432.5, parsed.number("trainImagesPerSecond"));
        assertEquals("djl", parsed.text("system"));
    }

    @Test
    void valueWithSpaceRejected() {
        assertThrows(IllegalArgumentException.class, () -> TrialResult.of(Map.of("system", "cortexj 0.1")));
    }

    @Test
    void missingFieldNamedInError() {
        TrialResult result = TrialResult.parse("RESULT system=cortexj");

        String message = assertThrows(IllegalArgumentException.class, () -> result.number("osThreads")).getMessage();

        assertTrue(message.contains("'osThreads'"), message);
    }

    @Test
    void nonNumericFieldRejected() {
        TrialResult result = TrialResult.parse("RESULT reached=true");

        assertThrows(IllegalArgumentException.class, () -> result.number("reached"));
    }

    @Test
    void otherLinesAreNotResults() {
        assertFalse(TrialResult.isResultLine("RESULTS are below"));
        assertFalse(TrialResult.isResultLine("round 1: training 100 images/s"));
        assertThrows(IllegalArgumentException.class, () -> TrialResult.parse("RESULT system"));
    }

    @Test
    void decimalIgnoresDefaultLocale() {
        Locale previous = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertEquals("1234.5000", TrialResult.decimal(1234.5));
        } finally {
            Locale.setDefault(previous);
        }
    }
}
