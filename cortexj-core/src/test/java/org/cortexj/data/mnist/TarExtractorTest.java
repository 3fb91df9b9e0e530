package org.cortexj.data.mnist;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TarExtractorTest {
    @TempDir
    Path root;

    @Test
    void extractsOnlyRequestedFiles() throws IOException {
        byte[] big = new byte[1500];
        new Random(2).nextBytes(big);
        byte[] tar = new TarTestArchives()
                .file("package/readme.md", "hello".getBytes(UTF_8))
                .file("package/data/big", big)
                .file("package/data/empty", new byte[0])
                .toTar();
        Path target = root.resolve("target");

        Map<String, Path> written = extract(tar, target, Set.of("package/data/big", "package/data/empty"));

        assertArrayEquals(big, Files.readAllBytes(target.resolve("package/data/big")));
        assertEquals(0, Files.size(target.resolve("package/data/empty")));
        assertFalse(Files.exists(target.resolve("package/readme.md")));
        assertEquals(target.resolve("package/data/big"), written.get("package/data/big"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil", "package/../../evil", "/tmp/evil", "package/..", "..", "a\\..\\..\\evil", ""})
    void unsafeEntryNameRejected(String name) {
        byte[] tar = new TarTestArchives().file(name, "payload".getBytes(UTF_8)).toTar();
        Path target = root.resolve("deep/target");

        IOException error = assertThrows(IOException.class, () -> extract(tar, target, Set.of(name)));

        assertTrue(error.getMessage().contains("tar entry name '" + name + "' is unsafe"), error.getMessage());
        assertFalse(Files.exists(root.resolve("deep/evil")));
        assertFalse(Files.exists(root.resolve("evil")));
    }

    @Test
    void unsafeNameRejectedEvenIfSkipped() {
        byte[] tar = new TarTestArchives()
                .file("package/data/good", "good".getBytes(UTF_8))
                .file("../evil", "payload".getBytes(UTF_8))
                .toTar();
        Path target = root.resolve("target");

        IOException error = assertThrows(IOException.class, () -> extract(tar, target, Set.of("package/data/good")));

        assertTrue(error.getMessage().contains("'../evil' is unsafe"), error.getMessage());
        assertFalse(Files.exists(root.resolve("evil")));
    }

    @Test
    void paxPathTraversalRejected() {
        byte[] tar = new TarTestArchives()
                .paxPath("../evil")
                .file("package/data/good", "payload".getBytes(UTF_8))
                .toTar();
        Path target = root.resolve("target");

        IOException error = assertThrows(IOException.class, () -> extract(tar, target, Set.of("package/data/good")));

        assertTrue(error.getMessage().contains("'../evil' is unsafe"), error.getMessage());
        assertFalse(Files.exists(root.resolve("evil")));
    }

    @Test
    void paxPathOverridesHeaderName() throws IOException {
        byte[] tar = new TarTestArchives()
                .paxPath("package/data/long-name")
                .file("short", "payload".getBytes(UTF_8))
                .toTar();
        Path target = root.resolve("target");

        extract(tar, target, Set.of("package/data/long-name"));

        assertEquals("payload", Files.readString(target.resolve("package/data/long-name")));
    }

    @Test
    void symbolicLinkEntryRejected() {
        byte[] tar = new TarTestArchives().symlink("package/data/file", "/etc/passwd").toTar();

        IOException error = assertThrows(IOException.class,
                () -> extract(tar, root.resolve("target"), Set.of("package/data/file")));

        assertTrue(error.getMessage().contains("has type flag '2', expected a regular file"), error.getMessage());
        assertFalse(Files.exists(root.resolve("target/package/data/file")));
    }

    @Test
    void duplicateRequestedEntryRejected() {
        byte[] tar = new TarTestArchives()
                .file("package/data/file", "one".getBytes(UTF_8))
                .file("package/data/file", "two".getBytes(UTF_8))
                .toTar();

        IOException error = assertThrows(IOException.class,
                () -> extract(tar, root.resolve("target"), Set.of("package/data/file")));

        assertTrue(error.getMessage().contains("'package/data/file' occurs more than once"), error.getMessage());
    }

    @Test
    void missingRequestedEntryNamed() {
        byte[] tar = new TarTestArchives().file("package/data/a", new byte[3]).toTar();

        IOException error = assertThrows(IOException.class,
                () -> extract(tar, root.resolve("target"), Set.of("package/data/a", "package/data/b")));

        assertEquals("test.tar: tar archive has no entries [package/data/b]", error.getMessage());
    }

    @Test
    void corruptChecksumRejected() {
        byte[] tar = new TarTestArchives().file("package/data/a", new byte[3]).toTar();
        tar[0] = 'q';

        IOException error = assertThrows(IOException.class,
                () -> extract(tar, root.resolve("target"), Set.of("qackage/data/a")));

        assertTrue(error.getMessage().contains("has checksum"), error.getMessage());
        assertTrue(error.getMessage().contains("the archive is corrupt or not a tar file"), error.getMessage());
    }

    @Test
    void truncatedContentRejected() {
        byte[] tar = new TarTestArchives().file("package/data/a", new byte[2000]).toTar();
        byte[] cut = Arrays.copyOf(tar, 512 + 1000);

        IOException error = assertThrows(IOException.class,
                () -> extract(cut, root.resolve("target"), Set.of("package/data/a")));

        assertTrue(error.getMessage().contains("1000 bytes missing; the archive is truncated"), error.getMessage());
    }

    @Test
    void truncatedHeaderRejected() {
        byte[] tar = new TarTestArchives().file("package/data/a", new byte[10]).toTar();
        byte[] cut = Arrays.copyOf(tar, 1024 + 100);

        IOException error = assertThrows(IOException.class,
                () -> extract(cut, root.resolve("target"), Set.of("package/data/a")));

        assertTrue(error.getMessage().contains("ends after 100 of 512 bytes of an entry header"), error.getMessage());
    }

    @Test
    void readsArchiveFromSystemTar() throws Exception {
        Assumptions.assumeTrue(commandWorks("tar", "--version"), "skipped: no tar command on PATH to build the archive");
        String longFolder = "package/" + "d".repeat(120);
        Path source = root.resolve("source");
        Files.createDirectories(source.resolve(longFolder));
        byte[] content = new byte[70_000];
        new Random(3).nextBytes(content);
        Files.write(source.resolve(longFolder).resolve("file"), content);

        for (String format : new String[] {"gnu", "pax"}) {
            Path archive = root.resolve(format + ".tar");
            Process tar = new ProcessBuilder("tar", "--format=" + format, "-cf", archive.toString(), "-C",
                    source.toString(), "package").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertEquals(0, tar.waitFor(), "tar exit status");
            Path target = root.resolve("out-" + format);

            try (InputStream in = Files.newInputStream(archive)) {
                TarExtractor.extract(format + ".tar", in, target, Set.of(longFolder + "/file"));
            }

            assertArrayEquals(content, Files.readAllBytes(target.resolve(longFolder).resolve("file")), format);
        }
    }

    private static boolean commandWorks(String... command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Map<String, Path> extract(byte[] tar, Path target, Set<String> entryNames) throws IOException {
        return TarExtractor.extract("test.tar", new ByteArrayInputStream(tar), target, entryNames);
    }
}
