package org.cortexj.data.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import org.cortexj.data.idx.ImageDataset;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Reads the files of the Debian package dataset-fashion-mnist. The expected first labels were
 * read with {@code zcat FILE | xxd} from package version 0.0~git20200523.55506a9-1.
 */
class FashionMnistTest {

    @Test
    void readsDebianPackageFiles() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(FashionMnist.defaultFolder()),
                "skipped: " + FashionMnist.DEFAULT_FOLDER_NAME + " is missing; "
                        + "run apt-get install dataset-fashion-mnist to enable this test");

        ImageDataset train = FashionMnist.load(Split.TRAIN);
        ImageDataset test = FashionMnist.load(Split.TEST);

        assertEquals(60_000, train.size());
        assertEquals(10_000, test.size());
        assertArrayEquals(new int[] {60_000, 28, 28}, train.shape());
        assertArrayEquals(new int[] {9, 0, 0, 3, 0, 2, 7, 2}, Arrays.copyOf(train.labelsAsInts(), 8));
        assertArrayEquals(new int[] {9, 2, 1, 1, 6, 1, 4, 6}, Arrays.copyOf(test.labelsAsInts(), 8));
        assertEquals("Ankle boot", FashionMnist.CLASS_NAMES.get(train.label(0)));
    }
}
