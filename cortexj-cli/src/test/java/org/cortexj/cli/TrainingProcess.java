package org.cortexj.cli;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.cortexj.nn.description.NetworkDescription;
import org.cortexj.nn.description.NetworkJson;

/**
 * Runs {@code cortexj train} in a child JVM on a small synthetic dataset, so that tests can kill
 * it with SIGKILL ({@link Process#destroyForcibly()}) at any moment.
 */
final class TrainingProcess {

    /** Line that {@code ProgressListener} prints when training starts. */
    static final String START_MARKER = "training: ";

    private TrainingProcess() {
    }

    /**
     * Writes MNIST-style IDX files of 8×8 images to {@code folder}: class c (0 to 3) lights row 2c,
     * plus noise from a seeded generator, so that a small network learns them.
     */
    static void writeBarsDataset(Path folder, int trainCount, int testCount) throws IOException {
        Files.createDirectories(folder);
        writeSplit(folder, "train", trainCount, new Random(1));
        writeSplit(folder, "t10k", testCount, new Random(2));
    }

    private static void writeSplit(Path folder, String prefix, int count, Random random) throws IOException {
        byte[] pixels = new byte[count * 64];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            int label = random.nextInt(4);
            labels[i] = (byte) label;
            for (int p = 0; p < 64; p++) {
                int noise = random.nextInt(60);
                pixels[i * 64 + p] = (byte) (p / 8 == 2 * label ? 190 + noise : noise);
            }
        }
        Files.write(folder.resolve(prefix + "-images-idx3-ubyte"), idx(0x0803, new int[] {count, 8, 8}, pixels));
        Files.write(folder.resolve(prefix + "-labels-idx1-ubyte"), idx(0x0801, new int[] {count}, labels));
    }

    private static byte[] idx(int magic, int[] dimensions, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            for (int dimension : dimensions) {
                out.writeInt(dimension);
            }
            out.write(data);
        }
        return bytes.toByteArray();
    }

    /** A network for 8×8 inputs with 10 outputs, the class count of a folder dataset. */
    static Path writeSmallNetwork(Path file) throws IOException {
        NetworkDescription network = NetworkDescription.builder(1, 8, 8)
                .convolution("conv", 4, 3).maxPool(2, 2).activation("selu")
                .linear("hidden", 16).dropout(0.2).linear("out", 10).softmax().build();
        Files.writeString(file, NetworkJson.toJson(network));
        return file;
    }

    /** Starts {@code java ... org.cortexj.cli.Main train ARGS} with stdout and stderr in {@code log}. */
    static Process start(Path log, List<String> trainArguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-modules");
        command.add("jdk.incubator.vector");
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(testClassPath());
        command.add(Main.class.getName());
        command.add("train");
        command.addAll(trainArguments);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Runs a training child to its end and returns its exit status; fails after {@code timeoutSeconds}. */
    static int runToEnd(Path log, List<String> trainArguments, int timeoutSeconds)
            throws IOException, InterruptedException {
        Process process = start(log, trainArguments);
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("training child did not finish within " + timeoutSeconds + " s; log:\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return process.exitValue();
    }

    /**
     * Waits until the child's log contains {@code marker} or the child exits; returns whether the
     * marker appeared.
     */
    static boolean awaitOutput(Process process, Path log, String marker, int timeoutSeconds)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            if (Files.readString(log, StandardCharsets.ISO_8859_1).contains(marker)) {
                return true;
            }
            if (!process.isAlive()) {
                return false;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("training child printed no '" + marker + "' within " + timeoutSeconds + " s");
    }

    /** Class path of the test JVM; surefire puts the real one in a property and a manifest-only jar on the path. */
    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
