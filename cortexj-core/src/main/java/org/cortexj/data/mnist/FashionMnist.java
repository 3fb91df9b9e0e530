package org.cortexj.data.mnist;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.cortexj.data.idx.ImageDataset;

/**
 * Fashion-MNIST, Zalando's article images: 60,000 training and 10,000 test images of 28 x 28
 * pixels in 10 classes, in the same IDX format as MNIST.
 *
 * <p>The files come from the Debian package {@code dataset-fashion-mnist}, which installs them
 * gzip-compressed in {@value #DEFAULT_FOLDER_NAME} (checked with package version
 * 0.0~git20200523.55506a9-1).
 */
public final class FashionMnist {
    /** Folder where {@code apt-get install dataset-fashion-mnist} puts the files. */
    public static final String DEFAULT_FOLDER_NAME = "/usr/share/datasets/fashion-mnist";

    public static final int CLASS_COUNT = 10;

    /** Class names by label, from the dataset's README. */
    public static final List<String> CLASS_NAMES = List.of(
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private FashionMnist() {
    }

    /** Returns {@value #DEFAULT_FOLDER_NAME} as a path. */
    public static Path defaultFolder() {
        return Path.of(DEFAULT_FOLDER_NAME);
    }

    /**
     * Reads a split from {@link #defaultFolder()}.
     *
     * @throws java.nio.file.NoSuchFileException if a file is missing. The message gives the fix,
     *     {@code apt-get install dataset-fashion-mnist}.
     */
    public static ImageDataset load(Split split) throws IOException {
        return load(defaultFolder(), split);
    }

    /** Reads a split from a folder with the standard file names, raw or gzip. */
    public static ImageDataset load(Path folder, Split split) throws IOException {
        String hint = "install the files with 'apt-get install dataset-fashion-mnist' (Debian, Ubuntu), "
                + "or pass the folder that holds them";
        return new IdxDatasetFolder(folder, hint).load(split, CLASS_COUNT);
    }
}
