package org.cortexj.data.mnist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Writes small ustar archives byte by byte, including entries a safe extractor must reject. */
final class TarTestArchives {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    /** Adds a regular file. */
    TarTestArchives file(String name, byte[] content) {
        return entry(name, '0', content);
    }

    /** Adds a symbolic link entry pointing at {@code target}. */
    TarTestArchives symlink(String name, String target) {
        byte[] header = header(name, '2', 0);
        put(header, 157, target);
        writeChecksum(header);
        bytes.writeBytes(header);
        return this;
    }

    /** Adds a pax extended header that sets the path of the next entry. */
    TarTestArchives paxPath(String path) {
        String record = " path=" + path + "\n";
        // The length prefix counts itself; two digits cover the short paths used in tests.
        String full = (record.length() + 2) + record;
        return entry("PaxHeaders/x", 'x', full.getBytes(StandardCharsets.UTF_8));
    }

    TarTestArchives entry(String name, char typeFlag, byte[] content) {
        byte[] header = header(name, typeFlag, content.length);
        writeChecksum(header);
        bytes.writeBytes(header);
        bytes.writeBytes(content);
        bytes.writeBytes(new byte[(512 - content.length % 512) % 512]);
        return this;
    }

    /** Returns the archive with its two zero end blocks. */
    byte[] toTar() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes.toByteArray());
        out.writeBytes(new byte[1024]);
        return out.toByteArray();
    }

    byte[] toTgz() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(toTar());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] header(String name, char typeFlag, long size) {
        byte[] header = new byte[512];
        put(header, 0, name);
        put(header, 100, "0000644");
        put(header, 108, "0001750");
        put(header, 116, "0001750");
        put(header, 124, String.format("%011o", size));
        put(header, 136, "14000000000");
        header[156] = (byte) typeFlag;
        put(header, 257, "ustar");
        put(header, 263, "00");
        return header;
    }

    /** Sums the header bytes with the checksum field counted as eight spaces, as POSIX ustar defines. */
    private static void writeChecksum(byte[] header) {
        put(header, 148, "        ");
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xFF;
        }
        put(header, 148, String.format("%06o", sum));
        header[154] = 0;
        header[155] = ' ';
    }

    private static void put(byte[] header, int offset, String value) {
        byte[] encoded = value.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(encoded, 0, header, offset, encoded.length);
    }
}
