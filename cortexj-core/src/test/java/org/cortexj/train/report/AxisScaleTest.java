package org.cortexj.train.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AxisScaleTest {

    @ParameterizedTest
    @CsvSource({
        // rough step -> 1, 2 or 5 times a power of ten, at least the rough step
        "0.03, 0.05", "0.1, 0.1", "0.11, 0.2", "0.7, 1", "1, 1", "1.5, 2", "2, 2", "2.1, 5", "45, 50", "51, 100"})
    void niceStepRoundsUp(double rough, double expected) {
        assertEquals(expected, AxisScale.niceStep(rough), 1e-12);
    }

    @Test
    void coveringRoundsEndsToWholeSteps() {
        AxisScale scale = AxisScale.covering(0.0731, 0.4412, 5);

        assertEquals(0.1, scale.step(), 1e-12);
        assertEquals(0.0, scale.min(), 1e-12);
        assertEquals(0.5, scale.max(), 1e-12);
        assertEquals(List.of("0.0", "0.1", "0.2", "0.3", "0.4", "0.5"),
                scale.ticks().stream().map(scale::label).toList());
    }

    @Test
    void coveringAccuracyInPercent() {
        AxisScale scale = AxisScale.covering(91.3, 98.7, 5);

        assertEquals(2, scale.step(), 1e-12);
        assertEquals(90, scale.min(), 1e-12);
        assertEquals(100, scale.max(), 1e-12);
        assertEquals("96", scale.label(96));
    }

    @Test
    void coveringWidensEqualEnds() {
        AxisScale zero = AxisScale.covering(0, 0, 5);
        assertTrue(zero.min() < 0, zero.toString());
        assertTrue(zero.max() > 0, zero.toString());

        AxisScale single = AxisScale.covering(0.25, 0.25, 5);
        assertTrue(single.min() < 0.25, single.toString());
        assertTrue(single.max() > 0.25, single.toString());
    }

    @Test
    void wholeNumbersForEpochs() {
        AxisScale two = AxisScale.wholeNumbers(1, 2, 8);
        assertEquals(List.of(1.0, 2.0), two.ticks());
        assertEquals("2", two.label(2));

        AxisScale one = AxisScale.wholeNumbers(1, 1, 8);
        assertEquals(List.of(1.0), one.ticks());
        assertEquals(0.5, one.min(), 0);

        AxisScale many = AxisScale.wholeNumbers(1, 100, 8);
        assertTrue(many.step() >= 10, many.toString());
        many.ticks().forEach(tick -> assertEquals(Math.rint(tick), tick, 0, "tick " + tick + " is whole"));
    }

    @Test
    void positionMapsEndsLinearly() {
        AxisScale scale = new AxisScale(0, 10, 2);

        assertEquals(300, scale.position(0, 300, 100), 1e-12);
        assertEquals(100, scale.position(10, 300, 100), 1e-12);
        assertEquals(200, scale.position(5, 300, 100), 1e-12);
    }

    @Test
    void labelNeverShowsNegativeZero() {
        AxisScale scale = new AxisScale(-1, 1, 0.5);
        assertEquals("0.0", scale.label(-0.0));
        assertEquals("-0.5", scale.label(-0.5));
    }

    @Test
    void invalidRangesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> AxisScale.covering(2, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> AxisScale.covering(Double.NaN, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> new AxisScale(1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new AxisScale(0, 1, 0));
    }
}
