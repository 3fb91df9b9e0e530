package org.cortexj.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AccuracyTest {

    @Test
    void countsRowsWhoseMaximumIsLabel() {
        float[] logits = {
            0.1f, 0.9f, 0.0f,
            2.0f, -1.0f, 1.0f,
            -3.0f, -2.0f, -1.0f,
        };

        assertEquals(2, Accuracy.countCorrect(logits, new int[] {1, 0, 0}, 3));
        assertEquals(0, Accuracy.countCorrect(logits, new int[] {0, 1, 1}, 3));
    }

    @Test
    void firstMaximumWinsTie() {
        float[] logits = {0.5f, 0.5f};

        assertEquals(1, Accuracy.countCorrect(logits, new int[] {0}, 2));
        assertEquals(0, Accuracy.countCorrect(logits, new int[] {1}, 2));
    }

    @Test
    void mismatchedSizesRejected() {
        assertThrows(IllegalArgumentException.class, () -> Accuracy.countCorrect(new float[5], new int[2], 3));
        assertThrows(IllegalArgumentException.class, () -> Accuracy.countCorrect(new float[0], new int[0], 0));
    }
}
