package org.cortexj.data.idx;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;

/**
 * Coverage-guided fuzzing of {@link IdxReader} with Jazzer. Every input is read as a file of known
 * length, as a stream, and with an expected type and rank; the only exception allowed to escape
 * is {@link IdxFormatException}. Anything else, an {@link OutOfMemoryError} included (the fuzz
 * fork has a 1 GiB heap), is a finding that Jazzer saves under
 * {@code src/test/resources/org/cortexj/data/idx/IdxReaderFuzzTestInputs/}.
 *
 * <p>Without the system property {@code JAZZER_FUZZ} (the default-test execution, or an IDE),
 * both methods only replay the seed files and saved findings in that folder. The Maven execution
 * {@code fuzz} sets it and fuzzes {@link #readIdxBytes} for at most 5,000 inputs; the profile
 * {@code fuzz} runs {@link #readIdxBytesLong} for 10 minutes instead.
 */
class IdxReaderFuzzTest {

    private static final IdxReader READER = new IdxReader();
    private static final Path FILE = createScratchFile();

    @FuzzTest(maxDuration = "10s", maxExecutions = 5_000)
    void readIdxBytes(byte[] input) throws IOException {
        readEveryWay(input);
    }

    @Tag("fuzz-long")
    @FuzzTest(maxDuration = "10m")
    void readIdxBytesLong(byte[] input) throws IOException {
        readEveryWay(input);
    }

    static void readEveryWay(byte[] input) throws IOException {
        Files.write(FILE, input);
        try {
            checkContents(READER.read(FILE));
        } catch (IdxFormatException expected) {
            // Rejecting the input is the documented outcome for invalid bytes.
        }
        try {
            checkContents(READER.read("fuzz input", new ByteArrayInputStream(input)));
        } catch (IdxFormatException expected) {
            // As above, for the stream path of unknown length.
        }
        try {
            ImageDataset.fromIdx(READER.read("fuzz images", new ByteArrayInputStream(input), IdxType.UNSIGNED_BYTE, 3),
                    READER.read("fuzz labels", new ByteArrayInputStream(input)), 10);
        } catch (IdxFormatException expected) {
            // Expected type, rank and the image-label pairing rules reject most inputs.
        }
    }

    /** Reads every element back, so a header that disagrees with its data fails here. */
    private static void checkContents(IdxFile file) {
        int count = file.elementCount();
        if (count > 0) {
            file.valueAsDouble(0);
            file.valueAsDouble(count - 1);
        }
        switch (file.type()) {
            case UNSIGNED_BYTE, SIGNED_BYTE -> requireLength(file, file.bytes().length);
            case SHORT -> requireLength(file, file.shorts().length);
            case INT -> requireLength(file, file.ints().length);
            case FLOAT -> requireLength(file, file.floats().length);
            case DOUBLE -> requireLength(file, file.doubles().length);
        }
    }

    private static void requireLength(IdxFile file, int length) {
        if (length != file.elementCount()) {
            throw new IllegalStateException(file + ": decoded " + length + " elements, header says "
                    + file.elementCount());
        }
    }

    private static Path createScratchFile() {
        try {
            Path file = Files.createTempFile("cortexj-idx-fuzz", ".idx");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
