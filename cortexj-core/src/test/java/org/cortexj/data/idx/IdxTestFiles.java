package org.cortexj.data.idx;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Builds IDX file content for tests with {@link DataOutputStream}, which writes big-endian
 * independently of the reader's {@code ByteBuffer} decoding.
 */
public final class IdxTestFiles {

    private IdxTestFiles() {
    }

    /** Returns a header with any magic number and dimensions, valid or not. */
    public static byte[] header(int magic, int... dimensions) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            for (int dimension : dimensions) {
                out.writeInt(dimension);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Returns a valid header for the type and dimensions. */
    public static byte[] header(IdxType type, int... dimensions) {
        return header((type.code() << 8) | dimensions.length, dimensions);
    }

    /** Returns an unsigned-byte IDX file whose elements are the given values (0 to 255). */
    public static byte[] unsignedBytes(int[] dimensions, int... values) {
        byte[] data = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            data[i] = (byte) values[i];
        }
        return concat(header(IdxType.UNSIGNED_BYTE, dimensions), data);
    }

    /** Encodes values as big-endian elements of the type; doubles are cast to the type first. */
    public static byte[] encode(IdxType type, double... values) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (double value : values) {
                switch (type) {
                    case UNSIGNED_BYTE, SIGNED_BYTE -> out.writeByte((int) value);
                    case SHORT -> out.writeShort((short) value);
                    case INT -> out.writeInt((int) value);
                    case FLOAT -> out.writeFloat((float) value);
                    case DOUBLE -> out.writeDouble(value);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            bytes.writeBytes(part);
        }
        return bytes.toByteArray();
    }

    public static byte[] gzip(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static Path write(Path folder, String name, byte[] content) throws IOException {
        Path file = folder.resolve(name);
        Files.write(file, content);
        return file;
    }
}
