package org.cortexj.data.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatasetRootTest {

    @Test
    void propertyWinsOverEnvironment() {
        assertEquals(Path.of("/from/property"), DatasetRoot.resolve("/from/property", "/from/env", "/home/u"));
    }

    @Test
    void environmentUsedWithoutProperty() {
        assertEquals(Path.of("/from/env"), DatasetRoot.resolve(null, "/from/env", "/home/u"));
    }

    @Test
    void defaultUnderUserCache() {
        assertEquals(Path.of("/home/u/.cache/cortexj/datasets"), DatasetRoot.resolve(null, null, "/home/u"));
    }

    @Test
    void relativeValueMadeAbsolute() {
        Path root = DatasetRoot.resolve("data", null, "/home/u");

        assertTrue(root.isAbsolute(), root.toString());
        assertEquals(Path.of("data").toAbsolutePath(), root);
    }

    @Test
    void blankValueRejected() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> DatasetRoot.resolve(null, "  ", "/home/u")).getMessage();

        assertTrue(message.startsWith("environment variable CORTEXJ_DATA is set but blank"), message);
    }

    @Test
    void defaultFetcherFolderFollowsProperty() {
        String previous = System.getProperty(DatasetRoot.PROPERTY);
        System.setProperty(DatasetRoot.PROPERTY, "/tmp/cortexj-root");
        try {
            assertEquals(Path.of("/tmp/cortexj-root/mnist"), MnistFetcher.defaultFolder());
        } finally {
            if (previous == null) {
                System.clearProperty(DatasetRoot.PROPERTY);
            } else {
                System.setProperty(DatasetRoot.PROPERTY, previous);
            }
        }
    }
}
