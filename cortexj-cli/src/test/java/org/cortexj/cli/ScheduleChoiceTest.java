package org.cortexj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cortexj.optim.schedule.CosineAnnealing;
import org.cortexj.optim.schedule.LearningRateSchedule;
import org.junit.jupiter.api.Test;

class ScheduleChoiceTest {

    @Test
    void constantScheduleMeansNoSchedule() {
        assertNull(ScheduleChoice.parse("constant", 1e-3, 0, 120_000, 128));
    }

    @Test
    void cosineSpansWholeRunByDefault() {
        // 2 epochs of 60,000 images in batches of 128: 469 steps per epoch, 938 in all.
        LearningRateSchedule schedule = ScheduleChoice.parse("cosine", 1e-3, 0, 2 * 60_000, 128);
        assertEquals(new CosineAnnealing(1e-3, 0, 938), schedule);
        assertEquals(1e-3, schedule.learningRate(0), 0);
        assertEquals(0.5e-3, schedule.learningRate(469), 1e-15);
        assertEquals(0, schedule.learningRate(938), 0);
    }

    @Test
    void decayImagesRoundUpToSteps() {
        // 102,400 images are exactly 800 steps of 128; one image more needs a 801st step.
        assertEquals(new CosineAnnealing(1e-3, 0, 800), ScheduleChoice.parse("Cosine", 1e-3, 102_400, 1, 128));
        assertEquals(new CosineAnnealing(1e-3, 0, 801), ScheduleChoice.parse("cosine", 1e-3, 102_401, 1, 128));
    }

    @Test
    void unknownScheduleNamesTheChoices() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> ScheduleChoice.parse("linear", 1e-3, 0, 1000, 10));
        assertTrue(error.getMessage().contains("'linear'"), error.getMessage());
        assertTrue(error.getMessage().contains("constant or cosine"), error.getMessage());
    }

    @Test
    void negativeDecayImagesRejected() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> ScheduleChoice.parse("cosine", 1e-3, -1, 1000, 10));
        assertTrue(error.getMessage().startsWith("--decay-images"), error.getMessage());
    }

    @Test
    void descriptionNamesDecaySpan() {
        assertEquals("constant", ScheduleChoice.describe("constant", 0));
        assertEquals("cosine to 0 over the run", ScheduleChoice.describe("cosine", 0));
        assertEquals("cosine to 0 over 102400 images", ScheduleChoice.describe("cosine", 102_400));
    }
}
