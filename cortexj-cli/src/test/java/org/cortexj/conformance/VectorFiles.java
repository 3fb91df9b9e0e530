package org.cortexj.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small reference vector files for tests. */
final class VectorFiles {

    private VectorFiles() {
    }

    static Path write(Path folder, String fileName, String json) {
        try {
            return Files.writeString(folder.resolve(fileName), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of one family with the given case objects. */
    static Path writeCases(Path folder, String fileName, String family, String... cases) {
        String json = "{\"family\": \"" + family + "\", \"set\": \"test\", \"cases\": ["
                + String.join(",\n", cases) + "]}";
        return write(folder, fileName, json);
    }

    /** Reads the only case of a file that holds one case. */
    static ReferenceCase onlyCase(Path folder, String caseJson) throws IOException {
        Path file = writeCases(folder, "one.json", "test", caseJson);
        return ReferenceLoader.load(file).cases().get(0);
    }
}
