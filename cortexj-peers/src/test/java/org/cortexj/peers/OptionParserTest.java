package org.cortexj.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionParserTest {

    private static final Set<String> VALUES = Set.of("pairs", "round-seconds", "systems");
    private static final Set<String> FLAGS = Set.of("scaling");

    private static OptionParser parse(String... args) {
        return OptionParser.parse(args, VALUES, FLAGS);
    }

    @Test
    void valuesAndFlagsRead() {
        OptionParser parser = parse("--pairs", "3", "--scaling", "--round-seconds", "0.5");

        assertEquals(3, parser.integer("pairs", 5, 1));
        assertEquals(0.5, parser.positiveNumber("round-seconds", 2, 60));
        assertTrue(parser.flag("scaling"));
        assertEquals("cortexj,djl", parser.text("systems", "cortexj,djl"));
    }

    @Test
    void absentOptionsTakeDefaults() {
        OptionParser parser = parse();

        assertEquals(5, parser.integer("pairs", 5, 1));
        assertFalse(parser.flag("scaling"));
    }

    @Test
    void unknownOptionRejected() {
        String message = assertThrows(IllegalArgumentException.class, () -> parse("--pair", "3")).getMessage();

        assertTrue(message.contains("--pair"), message);
    }

    @Test
    void missingValueRejected() {
        assertThrows(IllegalArgumentException.class, () -> parse("--pairs"));
    }

    @Test
    void repeatedOptionRejected() {
        assertThrows(IllegalArgumentException.class, () -> parse("--scaling", "--scaling"));
    }

    @Test
    void bareWordRejected() {
        assertThrows(IllegalArgumentException.class, () -> parse("pairs", "3"));
    }

    @Test
    void outOfRangeValuesRejected() {
        assertThrows(IllegalArgumentException.class, () -> parse("--pairs", "0").integer("pairs", 5, 1));
        assertThrows(IllegalArgumentException.class, () -> parse("--pairs", "two").integer("pairs", 5, 1));
        assertThrows(IllegalArgumentException.class,
                () -> parse("--round-seconds", "0").positiveNumber("round-seconds", 2, 60));
        assertThrows(IllegalArgumentException.class,
                () -> parse("--round-seconds", "NaN").positiveNumber("round-seconds", 2, 60));
    }
}
