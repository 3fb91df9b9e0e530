package org.cortexj.nn.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FanTest {

    @Test
    void linearWeightUsesInAndOut() {
        Fan fan = Fan.of(300, 200);
        assertEquals(200, fan.fanIn());
        assertEquals(300, fan.fanOut());
        assertEquals(200, fan.get(FanMode.FAN_IN));
        assertEquals(300, fan.get(FanMode.FAN_OUT));
    }

    @Test
    void convWeightMultipliesReceptiveField() {
        Fan fan = Fan.of(20, 1, 5, 5);
        assertEquals(25, fan.fanIn());
        assertEquals(500, fan.fanOut());

        Fan second = Fan.of(50, 20, 5, 5);
        assertEquals(500, second.fanIn());
        assertEquals(1250, second.fanOut());
    }

    @Test
    void threeDimensionalKernel() {
        Fan fan = Fan.of(8, 4, 3, 3, 3);
        assertEquals(108, fan.fanIn());
        assertEquals(216, fan.fanOut());
    }

    @Test
    void largeFanDoesNotOverflow() {
        Fan fan = Fan.of(1, 65536, 65536);
        assertEquals(4294967296L, fan.fanIn());
        assertEquals(65536L, fan.fanOut());
    }

    @Test
    void negativeAxisRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Fan.of(4, -3));
        assertEquals("Fan: shape [4, -3] has a negative axis size", error.getMessage());
    }

    @Test
    void vectorShapeRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Fan.of(10));
        assertEquals("Fan: shape [10] has 1 axes; fans need a weight of shape [out, in, ...] with at least 2 axes",
                error.getMessage());
    }
}
