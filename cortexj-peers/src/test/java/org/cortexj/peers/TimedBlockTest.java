package org.cortexj.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TimedBlockTest {

    @Test
    void minimumStepsRunWhenTimeIsShort() {
        AtomicInteger calls = new AtomicInteger();

        TimedBlock block = TimedBlock.run(calls::incrementAndGet, 10, 1e-9, 3);

        assertEquals(3, calls.get());
        assertEquals(3, block.steps());
        assertEquals(30 / block.seconds(), block.imagesPerSecond(), 1e-9 * block.imagesPerSecond());
    }

    @Test
    void minimumTimeRunsExtraSteps() throws Exception {
        AtomicInteger calls = new AtomicInteger();

        TimedBlock block = TimedBlock.run(() -> sleep(calls), 1, 0.05, 1);

        assertTrue(block.seconds() >= 0.05, "block ran " + block.seconds() + " s");
        assertTrue(calls.get() >= 5, "each step sleeps 10 ms, so 50 ms needs at least 5, got " + calls.get());
        assertEquals(calls.get(), block.steps());
    }

    private static void sleep(AtomicInteger calls) {
        calls.incrementAndGet();
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
