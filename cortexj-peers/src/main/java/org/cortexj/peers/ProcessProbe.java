package org.cortexj.peers;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Reads the resource figures a child JVM reports about itself: peak resident set size and
 * thread count from {@code /proc/self/status}, CPU time per thread from {@code /proc/self/task}
 * (Linux only), peak heap use from the JVM's memory pools and process CPU time.
 */
final class ProcessProbe {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path TASKS = Path.of("/proc/self/task");

    private ProcessProbe() {
    }

    /** Returns the peak resident set size ({@code VmHWM}) in KiB, or empty where /proc is missing. */
    static OptionalLong peakResidentKibibytes() {
        return statusField("VmHWM:");
    }

    /** Returns the number of operating-system threads of this process, or empty where /proc is missing. */
    static OptionalLong threadCount() {
        return statusField("Threads:");
    }

    private static OptionalLong statusField(String name) {
        try {
            return statusField(Files.readAllLines(STATUS), name);
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** Returns the first number on the line of {@code lines} that starts with {@code name}. */
    static OptionalLong statusField(List<String> lines, String name) {
        for (String line : lines) {
            if (line.startsWith(name)) {
                String[] words = line.substring(name.length()).trim().split("\\s+");
                return OptionalLong.of(Long.parseLong(words[0]));
            }
        }
        return OptionalLong.empty();
    }

    /**
     * Returns the sum of the peak used bytes of every heap memory pool since the JVM started or
     * since {@link #resetHeapPeaks()}. The pools peak at different moments, so the sum is an
     * upper bound on the peak of the whole heap.
     */
    static long peakHeapBytes() {
        long total = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                total += pool.getPeakUsage().getUsed();
            }
        }
        return total;
    }

    /** Starts the heap peaks over from the current use. */
    static void resetHeapPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /**
     * Returns the CPU time (user plus system, in clock ticks, usually 1/100 s) of each thread of
     * this process, keyed by thread id, from {@code /proc/self/task/ID/stat}; empty where /proc
     * is missing. Threads that end while being read are left out.
     */
    static Map<String, Long> threadCpuTicks() {
        Map<String, Long> ticks = new HashMap<>();
        try (Stream<Path> tasks = Files.list(TASKS)) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    ticks.put(task.getFileName().toString(), cpuTicksFromStat(Files.readString(task.resolve("stat"))));
                } catch (IOException e) {
                    // The thread ended between listing and reading.
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return ticks;
    }

    /**
     * Returns utime + stime of a {@code /proc/.../stat} line. The command name in parentheses
     * may contain spaces, so fields are counted from the last ')': the state is field 3, utime
     * field 14 and stime field 15.
     */
    static long cpuTicksFromStat(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 1).trim().split("\\s+");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /**
     * Counts the threads that worked during an interval: those whose CPU ticks grew by at least
     * a quarter of the busiest thread's growth. Comparing with the busiest thread, not with the
     * wall time, keeps the count meaningful when other processes share the cores.
     */
    static int activeThreads(Map<String, Long> before, Map<String, Long> after) {
        long busiest = 0;
        for (Map.Entry<String, Long> entry : after.entrySet()) {
            busiest = Math.max(busiest, entry.getValue() - before.getOrDefault(entry.getKey(), 0L));
        }
        if (busiest == 0) {
            return 0;
        }
        int active = 0;
        for (Map.Entry<String, Long> entry : after.entrySet()) {
            if (4 * (entry.getValue() - before.getOrDefault(entry.getKey(), 0L)) >= busiest) {
                active++;
            }
        }
        return active;
    }

    /** Returns the CPU time of all threads of this process in nanoseconds, or -1 if unsupported. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
