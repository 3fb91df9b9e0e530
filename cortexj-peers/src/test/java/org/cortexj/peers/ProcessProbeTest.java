package org.cortexj.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProcessProbeTest {

    @Test
    void statusFieldReadsFirstNumber() {
        List<String> lines = List.of("Name:\tjava", "VmPeak:\t 9000000 kB", "VmHWM:\t  812345 kB", "Threads:\t27");

        assertEquals(OptionalLong.of(812345), ProcessProbe.statusField(lines, "VmHWM:"));
        assertEquals(OptionalLong.of(27), ProcessProbe.statusField(lines, "Threads:"));
        assertEquals(OptionalLong.empty(), ProcessProbe.statusField(lines, "VmSwap:"));
    }

    @Test
    void statFieldsCountedAfterCommandName() {
        String stat = "4242 (C2 Compiler) Th) S 1 4242 4242 0 -1 4194368 10 0 0 0 37 5 0 0 20 0 30 0 100 9000 2000";

        assertEquals(42, ProcessProbe.cpuTicksFromStat(stat));
    }

    @Test
    void activeThreadsComparedWithBusiest() {
        Map<String, Long> before = Map.of("1", 100L, "2", 0L, "3", 50L, "4", 7L);
        Map<String, Long> after = Map.of("1", 300L, "2", 49L, "3", 100L, "4", 7L, "5", 60L);

        // Growth: 200, 49, 50, 0 and 60 for a new thread; a quarter of 200 is 50.
        assertEquals(3, ProcessProbe.activeThreads(before, after));
        assertEquals(0, ProcessProbe.activeThreads(before, before));
    }

    @Test
    void busyThreadCountsAsActive() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs Linux /proc");
        Map<String, Long> before = ProcessProbe.threadCpuTicks();
        long end = System.nanoTime() + 300_000_000L;
        double sink = 0;
        while (System.nanoTime() < end) {
            sink += Math.sqrt(sink + 1);
        }

        assertTrue(sink > 0);
        assertTrue(ProcessProbe.activeThreads(before, ProcessProbe.threadCpuTicks()) >= 1);
    }

    @Test
    void liveFiguresArePositiveOnLinux() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "needs Linux /proc");

        assertTrue(ProcessProbe.peakResidentKibibytes().orElse(0) > 0);
        assertTrue(ProcessProbe.threadCount().orElse(0) > 1);
        assertTrue(ProcessProbe.peakHeapBytes() > 0);
        assertTrue(ProcessProbe.processCpuNanos() > 0);
    }

    @Test
    void heapPeakGrowsWithAllocation() {
        ProcessProbe.resetHeapPeaks();
        long before = ProcessProbe.peakHeapBytes();
        byte[][] blocks = new byte[8][];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = new byte[4 << 20];
        }

        assertTrue(ProcessProbe.peakHeapBytes() >= before + (long) blocks.length * blocks[0].length / 2,
                "peak heap should rise by about the 32 MiB just allocated");
    }
}
