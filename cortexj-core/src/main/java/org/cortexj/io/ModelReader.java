package org.cortexj.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;
import org.cortexj.tensor.Tensor;

/**
 * Parses one model file held in memory. The checksum is verified first, then every field in
 * order; each failure names the file, the field, its value and the limit or the fix.
 */
final class ModelReader {

    private final String source;
    private final ByteBuffer buffer;
    private final int end;

    ModelReader(String source, byte[] bytes) {
        this.source = source;
        this.buffer = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        this.end = bytes.length - Long.BYTES;
    }

    ModelContents read() throws ModelFormatException {
        checkMagic();
        int version = buffer.getInt();
        if (version > ModelFile.VERSION) {
            throw new ModelFormatException(source + ": format version " + version + " is newer than this reader (max "
                    + ModelFile.VERSION + "); load it with a newer cortexj");
        }
        if (version < 1) {
            throw new ModelFormatException(source + ": format version " + version + " is invalid (expected 1 to "
                    + ModelFile.VERSION + "); the file is corrupt");
        }
        checkChecksum();
        int headerLength = readLength("header length", ModelFile.MAX_HEADER_BYTES);
        byte[] headerBytes = new byte[headerLength];
        buffer.get(headerBytes);
        ObjectNode header = ModelFile.parseHeader(source, headerBytes);
        int count = readCount();
        Map<String, Tensor> tensors = ModelFile.newTensorMap();
        for (int i = 0; i < count; i++) {
            String name = readName(i);
            if (tensors.containsKey(name)) {
                throw new ModelFormatException(source + ": tensor name '" + name + "' appears twice; the file is corrupt");
            }
            tensors.put(name, readTensor(name));
        }
        if (buffer.position() != end) {
            throw new ModelFormatException(source + ": " + (end - buffer.position())
                    + " unexpected bytes after the last tensor; the file is corrupt");
        }
        return new ModelContents(header, tensors);
    }

    private void checkMagic() throws ModelFormatException {
        if (buffer.capacity() < ModelFile.MAGIC.length + Integer.BYTES + Long.BYTES) {
            throw new ModelFormatException(source + ": file is " + buffer.capacity()
                    + " bytes, too short for a cortexj model file (truncated or not a model)");
        }
        byte[] magic = new byte[ModelFile.MAGIC.length];
        buffer.get(magic);
        if (!Arrays.equals(magic, ModelFile.MAGIC)) {
            throw new ModelFormatException(source + ": magic bytes " + printable(magic) + ", expected "
                    + printable(ModelFile.MAGIC) + "; this is not a cortexj model file");
        }
    }

    private void checkChecksum() throws ModelFormatException {
        CRC32 crc = new CRC32();
        crc.update(buffer.array(), 0, end);
        long stored = buffer.getLong(end);
        if (stored != crc.getValue()) {
            throw new ModelFormatException(source + ": checksum mismatch (stored " + Long.toHexString(stored)
                    + ", computed " + Long.toHexString(crc.getValue()) + "); the file is truncated or corrupt, "
                    + "use an earlier checkpoint or train again");
        }
    }

    private int readLength(String field, int limit) throws ModelFormatException {
        requireBytes(Integer.BYTES, field);
        int value = buffer.getInt();
        if (value < 0 || value > limit) {
            throw new ModelFormatException(source + ": " + field + " " + value + " is outside [0, " + limit
                    + "]; the file is corrupt");
        }
        requireBytes(value, field + " " + value);
        return value;
    }

    private int readCount() throws ModelFormatException {
        requireBytes(Integer.BYTES, "tensor count");
        int count = buffer.getInt();
        if (count < 0 || count > ModelFile.MAX_TENSORS) {
            throw new ModelFormatException(source + ": tensor count " + count + " is outside [0, "
                    + ModelFile.MAX_TENSORS + "]; the file is corrupt");
        }
        return count;
    }

    private String readName(int index) throws ModelFormatException {
        int length = readLength("name length of tensor " + index, ModelFile.MAX_NAME_BYTES);
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ModelFormatException(source + ": name of tensor " + index + " is not valid UTF-8; the file is corrupt");
        }
    }

    private Tensor readTensor(String name) throws ModelFormatException {
        requireBytes(2, "type and rank of tensor " + name);
        int typeCode = buffer.get();
        int rank = buffer.get();
        if (typeCode < 0 || typeCode > 2) {
            throw new ModelFormatException(source + ": tensor " + name + " has type code " + typeCode
                    + ", expected 0 (float32), 1 (float64) or 2 (int32)");
        }
        if (rank < 0 || rank > ModelFile.MAX_RANK) {
            throw new ModelFormatException(source + ": tensor " + name + " has rank " + rank + ", outside [0, "
                    + ModelFile.MAX_RANK + "]");
        }
        requireBytes(rank * Integer.BYTES, "dimensions of tensor " + name);
        int[] dims = new int[rank];
        long elements = 1;
        for (int axis = 0; axis < rank; axis++) {
            dims[axis] = buffer.getInt();
            if (dims[axis] < 0) {
                throw new ModelFormatException(source + ": tensor " + name + " dimension " + axis + " is " + dims[axis]
                        + ", outside [0, " + Integer.MAX_VALUE + "]; the file is corrupt");
            }
            elements *= dims[axis];
            if (elements > Integer.MAX_VALUE) {
                throw new ModelFormatException(source + ": tensor " + name + " claims shape " + Arrays.toString(dims)
                        + ", more than " + Integer.MAX_VALUE + " elements");
            }
        }
        int elementBytes = typeCode == 1 ? 8 : 4;
        long dataBytes = elements * elementBytes;
        requireBytes(dataBytes, "data of tensor " + name + " " + Arrays.toString(dims));
        return decode(typeCode, (int) elements, dims);
    }

    private Tensor decode(int typeCode, int elements, int[] dims) {
        switch (typeCode) {
            case 0: {
                float[] values = new float[elements];
                buffer.asFloatBuffer().get(values);
                buffer.position(buffer.position() + elements * 4);
                return Tensor.of(values, dims);
            }
            case 1: {
                double[] values = new double[elements];
                buffer.asDoubleBuffer().get(values);
                buffer.position(buffer.position() + elements * 8);
                return Tensor.of(values, dims);
            }
            default: {
                int[] values = new int[elements];
                buffer.asIntBuffer().get(values);
                buffer.position(buffer.position() + elements * 4);
                return Tensor.of(values, dims);
            }
        }
    }

    private void requireBytes(long count, String field) throws ModelFormatException {
        long remaining = (long) end - buffer.position();
        if (count > remaining) {
            throw new ModelFormatException(source + ": " + field + " needs " + count + " bytes but only " + remaining
                    + " remain; the file is truncated or corrupt");
        }
    }

    private static String printable(byte[] bytes) {
        StringBuilder text = new StringBuilder("\"");
        for (byte b : bytes) {
            text.append(b >= 32 && b < 127 ? Character.toString((char) b) : String.format("\\x%02x", b & 0xff));
        }
        return text.append('"').toString();
    }
}
