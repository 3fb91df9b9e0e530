package org.cortexj.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import org.cortexj.backend.DataType;
import org.cortexj.tensor.Tensor;

/**
 * The versioned cortexj model file. Layout, all integers big-endian:
 * <pre>
 * magic        8 bytes  "CORTEXJM"
 * version      int32    {@value #VERSION}
 * header       int32 length, then that many bytes of UTF-8 JSON (an object)
 * tensor count int32
 * per tensor   int32 name length, UTF-8 name, int8 type (0 float32, 1 float64, 2 int32),
 *              int8 rank, rank × int32 dims, then the elements (4 or 8 bytes each)
 * checksum     int64    CRC-32 of every byte before it
 * </pre>
 * Writing goes to a temporary file in the same folder, which is forced to disk and then renamed
 * over the target, so a crash never leaves a partial file under the target's name. Reading
 * treats every byte as untrusted: each length and dimension is checked against the bytes left
 * and fixed limits before anything is allocated.
 */
public final class ModelFile {

    static final byte[] MAGIC = "CORTEXJM".getBytes(StandardCharsets.US_ASCII);
    /** Format version this code writes; it reads every version up to this one. */
    public static final int VERSION = 1;
    static final int MAX_HEADER_BYTES = 64 << 20;
    static final int MAX_TENSORS = 100_000;
    static final int MAX_NAME_BYTES = 4096;
    static final int MAX_RANK = 8;
    /** Largest file read: the whole file is held in one byte array. */
    static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;

    // NaN and infinite metrics are written as the tokens NaN and Infinity, so reading accepts them.
    private static final ObjectMapper MAPPER = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private ModelFile() {
    }

    /**
     * Writes atomically: a temporary file next to {@code path}, forced to disk, renamed over the
     * target, then the folder is forced to disk so that the rename survives a power loss. A
     * failure at any step (an unwritable folder, a full disk) throws an {@link IOException} that
     * names the target, removes the temporary file and leaves the previous file unchanged.
     */
    public static void write(Path path, ModelContents contents) throws IOException {
        Path target = path.toAbsolutePath();
        Path folder = target.getParent();
        try {
            Files.createDirectories(folder);
            String suffix = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            Path temporary = folder.resolve(target.getFileName() + "." + suffix + ".tmp");
            // CREATE_NEW, not Files.createTempFile: the rename would carry its mode 0600 to the model file.
            FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            try {
                try (channel) {
                    writeTo(Channels.newOutputStream(channel), contents);
                    channel.force(true);
                }
                moveIntoPlace(temporary, target);
            } finally {
                Files.deleteIfExists(temporary);
            }
            forceFolder(folder);
        } catch (IOException e) {
            throw new IOException("writing model file " + target + " failed (" + e + "); the previous file at that "
                    + "path, if any, is unchanged. Check that the folder is writable and the disk has space", e);
        }
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Forces a folder's entries to disk; where a folder cannot be opened (Windows), the OS decides when. */
    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // NOTE: only durability after a power loss depends on this; the file is already complete.
        }
    }

    /** Writes the format to a stream; {@link #write(Path, ModelContents)} is the safe way to make a file. */
    public static void writeTo(OutputStream stream, ModelContents contents) throws IOException {
        CRC32 crc = new CRC32();
        DataOutputStream out = new DataOutputStream(new CheckedOutputStream(new BufferedOutputStream(stream, 1 << 16), crc));
        out.write(MAGIC);
        out.writeInt(VERSION);
        byte[] header = MAPPER.writeValueAsBytes(contents.header());
        out.writeInt(header.length);
        out.write(header);
        out.writeInt(contents.tensors().size());
        for (Map.Entry<String, Tensor> entry : contents.tensors().entrySet()) {
            writeTensor(out, entry.getKey(), entry.getValue());
        }
        out.flush();
        new DataOutputStream(stream).writeLong(crc.getValue());
        stream.flush();
    }

    private static void writeTensor(DataOutputStream out, String name, Tensor tensor) throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        out.writeInt(nameBytes.length);
        out.write(nameBytes);
        out.writeByte(typeCode(tensor.dataType()));
        out.writeByte(tensor.rank());
        for (int dim : tensor.shape().dims()) {
            out.writeInt(dim);
        }
        ByteBuffer data = ByteBuffer.allocate(tensor.size() * tensor.dataType().byteSize()).order(ByteOrder.BIG_ENDIAN);
        switch (tensor.dataType()) {
            case FLOAT32 -> data.asFloatBuffer().put(tensor.toFloatArray());
            case FLOAT64 -> data.asDoubleBuffer().put(tensor.toDoubleArray());
            case INT32 -> data.asIntBuffer().put(tensor.toIntArray());
        }
        out.write(data.array());
    }

    static int typeCode(DataType type) {
        return switch (type) {
            case FLOAT32 -> 0;
            case FLOAT64 -> 1;
            case INT32 -> 2;
        };
    }

    /** Reads and verifies a model file; see {@link ModelReader} for the checks. */
    public static ModelContents read(Path path) throws IOException {
        long size = Files.size(path);
        if (size > MAX_FILE_BYTES) {
            throw new ModelFormatException(path + ": file size " + size + " bytes is over the limit of "
                    + MAX_FILE_BYTES + " bytes for a model file; the file is corrupt or not a cortexj model");
        }
        byte[] bytes = Files.readAllBytes(path);
        return new ModelReader(path.toString(), bytes).read();
    }

    /** Reads a model file held in memory; {@code source} names it in error messages. */
    public static ModelContents read(String source, byte[] bytes) throws IOException {
        return new ModelReader(source, bytes).read();
    }

    static ObjectNode parseHeader(String source, byte[] json) throws ModelFormatException {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || !node.isObject()) {
                throw new ModelFormatException(source + ": header is not a JSON object; the file is corrupt, "
                        + "write it again");
            }
            return (ObjectNode) node;
        } catch (IOException e) {
            throw new ModelFormatException(source + ": header is not valid JSON (" + e.getMessage()
                    + "); the file is corrupt, write it again");
        }
    }

    static Map<String, Tensor> newTensorMap() {
        return new LinkedHashMap<>();
    }
}
