package org.cortexj.peers;

import java.util.Map;

/**
 * Images per second and busy cores over a run of repeated steps.
 *
 * @param imagesPerSecond images processed divided by wall-clock seconds
 * @param busyCores process CPU time divided by wall-clock time: about 1 for one busy thread,
 *     2 for two; -1 where the JVM does not report process CPU time
 * @param activeThreads threads that did at least a quarter of the busiest thread's work, as
 *     {@link ProcessProbe#activeThreads} counts them; 0 where /proc is missing
 * @param steps number of steps run
 * @param seconds wall-clock seconds
 */
record TimedBlock(double imagesPerSecond, double busyCores, int activeThreads, int steps, double seconds) {

    /**
     * Runs {@code step} until at least {@code minSteps} steps and {@code minSeconds} seconds
     * have passed.
     *
     * @param imagesPerStep images one step processes
     */
    static TimedBlock run(Runnable step, int imagesPerStep, double minSeconds, int minSteps) {
        long minNanos = (long) (minSeconds * 1e9);
        Map<String, Long> ticksBefore = ProcessProbe.threadCpuTicks();
        long cpuStart = ProcessProbe.processCpuNanos();
        long start = System.nanoTime();
        long elapsed;
        int steps = 0;
        do {
            step.run();
            steps++;
            elapsed = System.nanoTime() - start;
        } while (steps < minSteps || elapsed < minNanos);
        long cpuEnd = ProcessProbe.processCpuNanos();
        int activeThreads = ProcessProbe.activeThreads(ticksBefore, ProcessProbe.threadCpuTicks());
        double seconds = elapsed / 1e9;
        double busyCores = cpuStart < 0 || cpuEnd < 0 ? -1 : (cpuEnd - cpuStart) / (double) elapsed;
        return new TimedBlock((double) steps * imagesPerStep / seconds, busyCores, activeThreads, steps, seconds);
    }
}
