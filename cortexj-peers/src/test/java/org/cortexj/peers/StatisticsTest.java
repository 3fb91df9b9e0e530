package org.cortexj.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void oddCountTakesMiddleValue() {
        Statistics statistics = Statistics.of(List.of(5.0, 1.0, 3.0));

        assertEquals(3.0, statistics.median());
        assertEquals(1.0, statistics.min());
        assertEquals(5.0, statistics.max());
        assertEquals(3, statistics.count());
    }

    @Test
    void evenCountAveragesMiddlePair() {
        Statistics statistics = Statistics.of(List.of(4.0, 1.0, 10.0, 2.0));

        assertEquals(3.0, statistics.median());
        assertEquals(1.0, statistics.min());
        assertEquals(10.0, statistics.max());
    }

    @Test
    void singleValueIsEverything() {
        Statistics statistics = Statistics.of(List.of(7.5));

        assertEquals(7.5, statistics.median());
        assertEquals(7.5, statistics.min());
        assertEquals(7.5, statistics.max());
    }

    @Test
    void emptySampleRejected() {
        assertThrows(IllegalArgumentException.class, () -> Statistics.of(List.of()));
    }
}
