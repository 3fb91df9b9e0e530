package org.cortexj.peers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts {@link TrialMain} in a fresh JVM per trial, so each system's memory figures are its own,
 * echoes the child's output with a label and returns its result line.
 *
 * <p>Every child gets the same JVM flags and the same thread settings: the system properties
 * DJL's PyTorch engine reads, {@code cortexj.workers}, and the environment variables
 * {@code OMP_NUM_THREADS}, {@code OPENBLAS_NUM_THREADS} and {@code MKL_NUM_THREADS}. DJL runs
 * with {@code ai.djl.offline=true}, so it loads libtorch from the pytorch-native-cpu jar on the
 * class path and downloads nothing.
 */
final class ChildJvm {

    /** System-property prefixes passed on from the driver's JVM, such as {@code -Dcortexj.blas=java}. */
    private static final List<String> FORWARDED_PREFIXES = List.of("cortexj.", "ai.djl.", "DJL_", "ENGINE_CACHE_DIR");

    private final String heap;

    ChildJvm(String heap) {
        this.heap = heap;
    }

    /** The system description and the result line one child printed. */
    record Outcome(String description, TrialResult result) {
    }

    /**
     * Runs one trial and waits for it.
     *
     * @param label prefix of the echoed lines, such as {@code cortexj 2/5}
     * @throws IllegalStateException if the child exits with a nonzero status or prints no result line
     * @throws IOException if the child cannot be started or its output read
     */
    Outcome run(String label, TrialOptions trial) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command(trial)).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        for (String name : List.of("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")) {
            environment.put(name, Integer.toString(trial.threads()));
        }
        System.out.println("[" + label + "] starting: " + String.join(" ", trial.toArguments()));
        Process process = builder.start();

        String description = null;
        TrialResult result = null;
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                System.out.println("[" + label + "] " + line);
                if (line.startsWith(TrialMain.SYSTEM_PREFIX)) {
                    description = line.substring(TrialMain.SYSTEM_PREFIX.length());
                } else if (TrialResult.isResultLine(line)) {
                    result = TrialResult.parse(line);
                }
            }
        }
        int status = process.waitFor();
        if (status != 0 || result == null) {
            throw new IllegalStateException("child JVM " + label + " failed: exit status " + status
                    + (result == null ? ", no result line" : "") + "; its output is above, prefixed [" + label + "]");
        }
        return new Outcome(description == null ? "(no description)" : description, result);
    }

    private List<String> command(TrialOptions trial) {
        String threads = Integer.toString(trial.threads());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector",
                "-Xmx" + heap,
                "-Dai.djl.offline=true",
                "-D" + DjlSeed.THREADS_PROPERTY + "=" + threads,
                "-D" + DjlSeed.INTEROP_THREADS_PROPERTY + "=" + threads,
                "-Dcortexj.workers=" + threads));
        for (String name : System.getProperties().stringPropertyNames()) {
            if (isForwarded(name)) {
                command.add("-D" + name + "=" + System.getProperty(name));
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(TrialMain.class.getName());
        command.addAll(List.of(trial.toArguments()));
        return command;
    }

    private static boolean isForwarded(String name) {
        boolean setHere = name.equals("ai.djl.offline") || name.equals(DjlSeed.THREADS_PROPERTY)
                || name.equals(DjlSeed.INTEROP_THREADS_PROPERTY) || name.equals("cortexj.workers");
        return !setHere && FORWARDED_PREFIXES.stream().anyMatch(name::startsWith);
    }
}
