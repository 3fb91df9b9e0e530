package org.cortexj.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

    @TempDir
    Path folder;

    private static ModelContents sample() {
        ObjectNode header = new ObjectMapper().createObjectNode();
        header.put("dataset", "mnist");
        header.putObject("metrics").put("accuracy", 0.991);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("conv1.weight", Tensor.of(new float[] {1.5f, -0f, Float.NaN, Float.MIN_VALUE}, 1, 1, 2, 2));
        tensors.put("fc.bias", Tensor.of(new double[] {Math.PI, -1e-300}, 2));
        tensors.put("step", Tensor.of(new int[] {7}));
        tensors.put("empty", Tensor.zeros(0, 3));
        return new ModelContents(header, tensors);
    }

    private static byte[] bytesOf(ModelContents contents) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelFile.writeTo(out, contents);
        return out.toByteArray();
    }

    @Test
    void roundTripKeepsEveryBit() throws IOException {
        Path path = folder.resolve("model.cjm");
        ModelContents written = sample();
        ModelFile.write(path, written);
        ModelContents read = ModelFile.read(path);
        assertEquals(written.header(), read.header());
        assertEquals(written.tensors().keySet(), read.tensors().keySet());
        for (String name : written.tensors().keySet()) {
            Tensor a = written.tensors().get(name);
            Tensor b = read.tensors().get(name);
            assertEquals(a.shape(), b.shape(), name);
            assertEquals(a.dataType(), b.dataType(), name);
            double[] expected = a.toDoubleArray();
            double[] actual = b.toDoubleArray();
            for (int i = 0; i < expected.length; i++) {
                assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]), name + "[" + i + "]");
            }
        }
    }

    @Test
    void writeLeavesNoTemporaryFiles() throws IOException {
        Path path = folder.resolve("model.cjm");
        ModelFile.write(path, sample());
        ModelFile.write(path, sample());
        try (var files = Files.list(folder)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void truncatedFileIsRejected() throws IOException {
        byte[] bytes = bytesOf(sample());
        for (int length : new int[] {0, 5, 20, bytes.length / 2, bytes.length - 1}) {
            byte[] cut = java.util.Arrays.copyOf(bytes, length);
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.read("cut.cjm", cut));
            assertTrue(e.getMessage().startsWith("cut.cjm: "), e.getMessage());
        }
    }

    @Test
    void wrongMagicIsRejected() throws IOException {
        byte[] bytes = bytesOf(sample());
        bytes[0] = 'X';
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.read("x.cjm", bytes));
        assertTrue(e.getMessage().contains("not a cortexj model file"), e.getMessage());
    }

    @Test
    void newerVersionNamesTheFix() throws IOException {
        byte[] bytes = bytesOf(sample());
        ByteBuffer.wrap(bytes).putInt(8, ModelFile.VERSION + 1);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.read("new.cjm", bytes));
        assertTrue(e.getMessage().contains("newer than this reader"), e.getMessage());
    }

    @Test
    void flippedByteFailsChecksum() throws IOException {
        byte[] bytes = bytesOf(sample());
        bytes[bytes.length - 20] ^= 1;
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.read("flip.cjm", bytes));
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
    }

    @Test
    void hugeDimensionRejectedBeforeAllocating() throws IOException {
        ModelContents one = new ModelContents(new ObjectMapper().createObjectNode(),
                Map.of("w", Tensor.of(new float[] {1}, 1)));
        byte[] bytes = bytesOf(one);
        // Header "{}" is 2 bytes: magic 8 + version 4 + length 4 + 2 + count 4 + name length 4 + "w" 1 + type 1 + rank 1.
        int dimOffset = 8 + 4 + 4 + 2 + 4 + 4 + 1 + 1 + 1;
        ByteBuffer.wrap(bytes).putInt(dimOffset, Integer.MAX_VALUE);
        fixChecksum(bytes);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.read("big.cjm", bytes));
        assertTrue(e.getMessage().contains("data of tensor w"), e.getMessage());
    }

    private static void fixChecksum(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        ByteBuffer.wrap(bytes).putLong(bytes.length - 8, crc.getValue());
    }
}
