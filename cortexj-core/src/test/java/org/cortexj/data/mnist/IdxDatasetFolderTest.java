package org.cortexj.data.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.cortexj.data.idx.IdxTestFiles;
import org.cortexj.data.idx.ImageDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxDatasetFolderTest {
    @TempDir
    Path folder;

    @Test
    void candidateNamesCoverBothSpellings() {
        assertEquals(List.of("train-images-idx3-ubyte", "train-images-idx3-ubyte.gz",
                "train-images.idx3-ubyte", "train-images.idx3-ubyte.gz"),
                IdxDatasetFolder.candidateNames("train-images-idx3-ubyte"));
        assertEquals(List.of("t10k-labels-idx1-ubyte", "t10k-labels-idx1-ubyte.gz",
                "t10k-labels.idx1-ubyte", "t10k-labels.idx1-ubyte.gz"),
                IdxDatasetFolder.candidateNames("t10k-labels-idx1-ubyte"));
    }

    @Test
    void loadsGzipAndDottedNames() throws IOException {
        byte[] images = IdxTestFiles.unsignedBytes(new int[] {2, 1, 2}, 1, 2, 3, 4);
        IdxTestFiles.write(folder, "t10k-images-idx3-ubyte.gz", IdxTestFiles.gzip(images));
        IdxTestFiles.write(folder, "t10k-labels.idx1-ubyte", IdxTestFiles.unsignedBytes(new int[] {2}, 9, 8));

        ImageDataset test = Mnist.loadFolder(folder, Split.TEST);

        assertArrayEquals(new int[] {9, 8}, test.labelsAsInts());
        assertEquals(4, test.pixel(1, 0, 1));
        assertEquals(folder.resolve("t10k-images-idx3-ubyte.gz").toString(), test.imagesSource());
    }

    @Test
    void rawNamePreferredOverGzip() throws IOException {
        IdxTestFiles.write(folder, "train-labels-idx1-ubyte", new byte[0]);
        IdxTestFiles.write(folder, "train-labels-idx1-ubyte.gz", new byte[0]);

        Path labels = new IdxDatasetFolder(folder).labelsFile(Split.TRAIN);

        assertEquals(folder.resolve("train-labels-idx1-ubyte"), labels);
    }

    @Test
    void missingFileListsNamesTried() {
        NoSuchFileException error = assertThrows(NoSuchFileException.class,
                () -> new IdxDatasetFolder(folder).imagesFile(Split.TRAIN));

        assertEquals(folder + ": no train images file; looked for train-images-idx3-ubyte, "
                + "train-images-idx3-ubyte.gz, train-images.idx3-ubyte, train-images.idx3-ubyte.gz; "
                + "check the folder, or pass the folder that holds the files", error.getMessage());
    }

    @Test
    void fashionMissingFolderNamesAptPackage() {
        Path absent = folder.resolve("fashion-mnist");

        String message = assertThrows(NoSuchFileException.class,
                () -> FashionMnist.load(absent, Split.TEST)).getMessage();

        assertTrue(message.startsWith(absent + ": no test images file"), message);
        assertTrue(message.contains("apt-get install dataset-fashion-mnist"), message);
    }
}
