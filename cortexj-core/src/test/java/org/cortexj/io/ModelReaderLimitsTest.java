package org.cortexj.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every header field of a model file is checked against the bytes that remain and against fixed
 * limits before anything is allocated, and the message names the file, the field, the value and
 * the limit. The files are built field by field here with {@link DataOutputStream}, independently
 * of {@link ModelFile}'s writer, and carry a valid checksum so that the field checks are reached.
 */
class ModelReaderLimitsTest {

    private static final String FILE = "crafted.cjm";

    @TempDir
    Path folder;

    /** Builds a model file field by field and appends the CRC-32 of everything written. */
    private static final class Crafted {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);

        static Crafted start(int version) {
            Crafted crafted = new Crafted();
            crafted.raw("CORTEXJM".getBytes(StandardCharsets.US_ASCII)).integer(version);
            return crafted;
        }

        /** Magic, version 1, the header "{}" and the tensor count. */
        static Crafted withTensorCount(int count) {
            return start(1).integer(2).raw("{}".getBytes(StandardCharsets.UTF_8)).integer(count);
        }

        /** A tensor entry up to and including its dimensions; the data is added separately. */
        static Crafted oneTensor(int type, int rank, int... dims) {
            Crafted crafted = withTensorCount(1).integer(1).raw(new byte[] {'w'}).oneByte(type).oneByte(rank);
            for (int dim : dims) {
                crafted.integer(dim);
            }
            return crafted;
        }

        Crafted integer(int value) {
            try {
                out.writeInt(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        Crafted oneByte(int value) {
            bytes.write(value);
            return this;
        }

        Crafted raw(byte[] data) {
            bytes.writeBytes(data);
            return this;
        }

        byte[] finish() {
            CRC32 crc = new CRC32();
            byte[] body = bytes.toByteArray();
            crc.update(body);
            Crafted whole = new Crafted().raw(body);
            try {
                whole.out.writeLong(crc.getValue());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return whole.bytes.toByteArray();
        }
    }

    private static String rejected(byte[] file) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.read(FILE, file));
        assertTrue(e.getMessage().startsWith(FILE + ": "), e.getMessage());
        return e.getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "expected '" + part + "' in: " + message);
        }
    }

    @Test
    void craftedValidFileIsAccepted() throws IOException {
        byte[] file = Crafted.oneTensor(0, 1, 2).integer(Float.floatToIntBits(1.5f))
                .integer(Float.floatToIntBits(-2f)).finish();
        ModelContents contents = ModelFile.read(FILE, file);
        assertEquals(1, contents.tensors().size());
        float[] values = contents.tensors().get("w").toFloatArray();
        assertEquals(1.5f, values[0]);
        assertEquals(-2f, values[1]);
    }

    @Test
    void versionZeroIsRejected() {
        String message = rejected(Crafted.start(0).integer(2).raw("{}".getBytes(StandardCharsets.UTF_8))
                .integer(0).finish());
        assertMentions(message, "format version 0", "expected 1 to " + ModelFile.VERSION);
    }

    @Test
    void negativeHeaderLengthIsRejected() {
        String message = rejected(Crafted.start(1).integer(-1).finish());
        assertMentions(message, "header length -1", "[0, " + ModelFile.MAX_HEADER_BYTES + "]");
    }

    @Test
    void headerLengthOverLimitIsRejected() {
        int length = ModelFile.MAX_HEADER_BYTES + 1;
        String message = rejected(Crafted.start(1).integer(length).finish());
        assertMentions(message, "header length " + length, "[0, " + ModelFile.MAX_HEADER_BYTES + "]");
    }

    @Test
    void headerLongerThanFileIsRejected() {
        String message = rejected(Crafted.start(1).integer(1000).raw("{}".getBytes(StandardCharsets.UTF_8)).finish());
        assertMentions(message, "header length 1000", "needs 1000 bytes but only 2 remain");
    }

    @Test
    void headerThatIsNotAnObjectIsRejected() {
        String message = rejected(Crafted.start(1).integer(2).raw("[]".getBytes(StandardCharsets.UTF_8))
                .integer(0).finish());
        assertMentions(message, "header is not a JSON object");
    }

    @Test
    void negativeTensorCountIsRejected() {
        String message = rejected(Crafted.withTensorCount(-5).finish());
        assertMentions(message, "tensor count -5", "[0, " + ModelFile.MAX_TENSORS + "]");
    }

    @Test
    void tensorCountOverLimitIsRejected() {
        int count = ModelFile.MAX_TENSORS + 1;
        String message = rejected(Crafted.withTensorCount(count).finish());
        assertMentions(message, "tensor count " + count, "[0, " + ModelFile.MAX_TENSORS + "]");
    }

    @Test
    void tensorCountBeyondDataIsRejected() {
        String message = rejected(Crafted.withTensorCount(3).finish());
        assertMentions(message, "name length of tensor 0", "needs 4 bytes but only 0 remain");
    }

    @Test
    void nameLengthOverLimitIsRejected() {
        int length = ModelFile.MAX_NAME_BYTES + 1;
        String message = rejected(Crafted.withTensorCount(1).integer(length).finish());
        assertMentions(message, "name length of tensor 0 " + length, "[0, " + ModelFile.MAX_NAME_BYTES + "]");
    }

    @Test
    void invalidUtf8NameIsRejected() {
        String message = rejected(Crafted.withTensorCount(1).integer(1).raw(new byte[] {(byte) 0xC3})
                .oneByte(0).oneByte(0).integer(0).finish());
        assertMentions(message, "name of tensor 0", "not valid UTF-8");
    }

    @Test
    void unknownTypeCodeIsRejected() {
        for (int code : new int[] {3, 0x7F, 0xFF}) {
            String message = rejected(Crafted.oneTensor(code, 0).integer(0).finish());
            assertMentions(message, "tensor w", "type code " + (byte) code,
                    "expected 0 (float32), 1 (float64) or 2 (int32)");
        }
    }

    @Test
    void rankOutsideLimitIsRejected() {
        for (int rank : new int[] {ModelFile.MAX_RANK + 1, 0xFF}) {
            String message = rejected(Crafted.oneTensor(0, rank).finish());
            assertMentions(message, "tensor w", "rank " + (byte) rank, "outside [0, " + ModelFile.MAX_RANK + "]");
        }
    }

    @Test
    void negativeDimensionIsRejected() {
        String message = rejected(Crafted.oneTensor(0, 2, 3, -7).finish());
        assertMentions(message, "tensor w", "dimension 1 is -7", "[0, " + Integer.MAX_VALUE + "]");
    }

    @Test
    void twoToThe31ElementsAreRejected() {
        String message = rejected(Crafted.oneTensor(0, 2, 1 << 16, 1 << 15).finish());
        assertMentions(message, "tensor w", "[65536, 32768]", "more than " + Integer.MAX_VALUE + " elements");
    }

    @Test
    void tensorLargerThanRemainingBytesIsRejected() {
        String message = rejected(Crafted.oneTensor(1, 1, 1000).integer(0).integer(0).finish());
        assertMentions(message, "data of tensor w [1000]", "needs 8000 bytes but only 8 remain");
    }

    @Test
    void largestDimensionsFailOnRemainingBytes() {
        String message = rejected(Crafted.oneTensor(1, 1, Integer.MAX_VALUE).finish());
        assertMentions(message, "data of tensor w [" + Integer.MAX_VALUE + "]",
                "needs " + 8L * Integer.MAX_VALUE + " bytes but only 0 remain");
    }

    @Test
    void repeatedTensorNameIsRejected() {
        Crafted crafted = Crafted.withTensorCount(2);
        for (int i = 0; i < 2; i++) {
            crafted.integer(1).raw(new byte[] {'w'}).oneByte(2).oneByte(0).integer(i);
        }
        String message = rejected(crafted.finish());
        assertMentions(message, "tensor name 'w' appears twice");
    }

    @Test
    void trailingBytesAreRejected() {
        String message = rejected(Crafted.withTensorCount(0).integer(0).finish());
        assertMentions(message, "4 unexpected bytes after the last tensor");
    }

    @Test
    void fileOverTwoGibibytesIsRejectedBeforeReading() throws IOException {
        Path file = folder.resolve("huge.cjm");
        // A sparse file: the length is set without writing the bytes, so this takes no disk space.
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(ModelFile.MAX_FILE_BYTES + 1);
        }
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.read(file));
        assertMentions(e.getMessage(), file.toString(), "file size " + (ModelFile.MAX_FILE_BYTES + 1),
                "limit of " + ModelFile.MAX_FILE_BYTES + " bytes");
    }
}
