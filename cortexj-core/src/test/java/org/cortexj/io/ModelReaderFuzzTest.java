package org.cortexj.io;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.cortexj.nn.Network;
import org.cortexj.tensor.Tensor;
import org.cortexj.train.ModelStore;
import org.junit.jupiter.api.Tag;

/**
 * Coverage-guided fuzzing of the model-file reader with Jazzer: {@link ModelFile#read(String,
 * byte[])} on the raw input and, because a random mutation almost never keeps the CRC-32
 * valid, again on a copy whose checksum is recomputed, so the fuzzer reaches every field after
 * the checksum. The repaired copy is also loaded as a network through {@link ModelStore#load},
 * which builds the network that the JSON header describes.
 *
 * <p>The only exception allowed to escape is {@link ModelFormatException}. Anything else, an
 * {@link OutOfMemoryError} included (the fuzz fork has a 1 GiB heap), is a finding that Jazzer
 * saves under {@code src/test/resources/org/cortexj/io/ModelReaderFuzzTestInputs/}. Modes and
 * durations are as in {@code IdxReaderFuzzTest}: replay only without {@code JAZZER_FUZZ}, at most
 * 5,000 inputs in the Maven execution {@code fuzz}, 10 minutes with the profile {@code fuzz}.
 */
class ModelReaderFuzzTest {

    /** Tokens of the JSON header, so that mutations can form other network descriptions. */
    private static final String DICTIONARY = "/org/cortexj/io/model-file.dict";
    private static final Path FILE = createScratchFile();

    @DictionaryFile(resourcePath = DICTIONARY)
    @FuzzTest(maxDuration = "10s", maxExecutions = 5_000)
    void readModelBytes(byte[] input) throws IOException {
        readEveryWay(input);
    }

    @Tag("fuzz-long")
    @DictionaryFile(resourcePath = DICTIONARY)
    @FuzzTest(maxDuration = "10m")
    void readModelBytesLong(byte[] input) throws IOException {
        readEveryWay(input);
    }

    static void readEveryWay(byte[] input) throws IOException {
        try {
            checkContents(ModelFile.read("fuzz input", input));
        } catch (ModelFormatException expected) {
            // Rejecting the input is the documented outcome for invalid bytes.
        }
        byte[] repaired = withValidChecksum(input);
        try {
            checkContents(ModelFile.read("fuzz input with repaired checksum", repaired));
        } catch (ModelFormatException expected) {
            // As above, for the fields after the checksum check.
        }
        Files.write(FILE, repaired);
        try {
            Network network = ModelStore.load(FILE).network();
            network.parameterCount();
        } catch (ModelFormatException expected) {
            // The header's network description or the tensors do not form a valid model.
        }
    }

    /** Reads every tensor back, so a header that disagrees with its data fails here. */
    private static void checkContents(ModelContents contents) {
        for (Tensor tensor : contents.tensors().values()) {
            switch (tensor.dataType()) {
                case FLOAT32 -> requireLength(tensor, tensor.toFloatArray().length);
                case FLOAT64 -> requireLength(tensor, tensor.toDoubleArray().length);
                case INT32 -> requireLength(tensor, tensor.toIntArray().length);
            }
        }
    }

    private static void requireLength(Tensor tensor, int length) {
        if (length != tensor.size()) {
            throw new IllegalStateException("tensor of shape " + tensor.shape() + " decoded " + length + " elements");
        }
    }

    /** Returns a copy whose last 8 bytes hold the CRC-32 of the bytes before them, as the writer does. */
    static byte[] withValidChecksum(byte[] input) {
        byte[] copy = input.clone();
        if (copy.length < Long.BYTES) {
            return copy;
        }
        CRC32 crc = new CRC32();
        crc.update(copy, 0, copy.length - Long.BYTES);
        ByteBuffer.wrap(copy).putLong(copy.length - Long.BYTES, crc.getValue());
        return copy;
    }

    private static Path createScratchFile() {
        try {
            Path file = Files.createTempFile("cortexj-model-fuzz", ".cjm");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
