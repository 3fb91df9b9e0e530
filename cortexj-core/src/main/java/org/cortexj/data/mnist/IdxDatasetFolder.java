package org.cortexj.data.mnist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.cortexj.data.idx.IdxReader;
import org.cortexj.data.idx.ImageDataset;

/**
 * Folder of MNIST-style IDX files with the standard names, such as one the user downloaded.
 *
 * <p>For each split and kind, the first existing file of these names is used, shown for the
 * training images: {@code train-images-idx3-ubyte}, {@code train-images-idx3-ubyte.gz},
 * {@code train-images.idx3-ubyte}, {@code train-images.idx3-ubyte.gz}. Raw names come first, so a
 * file that was unpacked next to its archive is read without decompressing. Whether a file is
 * gzip is decided by its content, not by the {@code .gz} suffix.
 */
public final class IdxDatasetFolder {
    private final Path folder;
    private final String missingFileHint;

    /** Uses the given folder; nothing is read until a method needs a file. */
    public IdxDatasetFolder(Path folder) {
        this(folder, "check the folder, or pass the folder that holds the files");
    }

    /** Uses the given folder and appends {@code missingFileHint} to the message when a file is missing. */
    IdxDatasetFolder(Path folder, String missingFileHint) {
        this.folder = folder;
        this.missingFileHint = missingFileHint;
    }

    public Path folder() {
        return folder;
    }

    /** Returns the images file of a split. */
    public Path imagesFile(Split split) throws NoSuchFileException {
        return find(split, "images", candidateNames(split.imagesFileName()));
    }

    /** Returns the labels file of a split. */
    public Path labelsFile(Split split) throws NoSuchFileException {
        return find(split, "labels", candidateNames(split.labelsFileName()));
    }

    /** Reads the images and labels of a split; labels must be in [0, classCount). */
    public ImageDataset load(Split split, int classCount) throws IOException {
        return load(split, classCount, new IdxReader());
    }

    /** Reads the images and labels of a split with the given reader. */
    public ImageDataset load(Split split, int classCount, IdxReader reader) throws IOException {
        return ImageDataset.read(reader, imagesFile(split), labelsFile(split), classCount);
    }

    /** Returns the accepted names for a standard raw name such as {@code train-images-idx3-ubyte}. */
    static List<String> candidateNames(String standardName) {
        // The other common spelling puts a dot before "idx": train-images.idx3-ubyte.
        int lastDash = standardName.lastIndexOf('-', standardName.indexOf("-ubyte") - 1);
        String dotted = standardName.substring(0, lastDash) + "." + standardName.substring(lastDash + 1);
        return List.of(standardName, standardName + ".gz", dotted, dotted + ".gz");
    }

    private Path find(Split split, String kind, List<String> names) throws NoSuchFileException {
        for (String name : names) {
            Path candidate = folder.resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new NoSuchFileException(folder.toString(), null, String.format(
                "no %s %s file; looked for %s; %s",
                split.name().toLowerCase(Locale.ROOT), kind, String.join(", ", names), missingFileHint));
    }
}
