package org.cortexj.data.mnist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** File names of the MNIST cache and file helpers for {@link MnistFetcher}. */
final class MnistFiles {
    /** The four standard raw file names, training files first. */
    static final List<String> ALL = List.of(
            Split.TRAIN.imagesFileName(), Split.TRAIN.labelsFileName(),
            Split.TEST.imagesFileName(), Split.TEST.labelsFileName());

    private MnistFiles() {
    }

    /** Quotes a value for a POSIX shell command line. */
    static String shellQuote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** Deletes a folder this package created, with its content; symbolic links are deleted, not followed. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
