package org.cortexj.data.mnist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Fields of one 512-byte tar header block, parsed and checked.
 *
 * @param name entry name, with the ustar prefix field joined in front when present
 * @param typeFlag tar type flag
 * @param size content size in bytes
 */
record TarHeader(String name, char typeFlag, long size) {
    private static final int NAME_OFFSET = 0;
    private static final int NAME_LENGTH = 100;
    private static final int SIZE_OFFSET = 124;
    private static final int SIZE_LENGTH = 12;
    private static final int CHECKSUM_OFFSET = 148;
    private static final int CHECKSUM_LENGTH = 8;
    private static final int TYPE_FLAG_OFFSET = 156;
    private static final int MAGIC_OFFSET = 257;
    private static final int PREFIX_OFFSET = 345;
    private static final int PREFIX_LENGTH = 155;

    /** Largest entry accepted, 8 GiB; the MNIST files are at most 47 MB. */
    static final long MAX_ENTRY_BYTES = 1L << 33;

    static TarHeader parse(String source, byte[] block) throws IOException {
        String name = text(block, NAME_OFFSET, NAME_LENGTH);
        verifyChecksum(source, name, block);
        if (isUstar(block)) {
            String prefix = text(block, PREFIX_OFFSET, PREFIX_LENGTH);
            name = prefix.isEmpty() ? name : prefix + "/" + name;
        }
        long size = parseNumber(source, name, "size", block, SIZE_OFFSET, SIZE_LENGTH);
        if (size < 0 || size > MAX_ENTRY_BYTES) {
            throw new IOException(String.format("%s: tar entry '%s' has size %d, expected 0 to %d",
                    source, name, size, MAX_ENTRY_BYTES));
        }
        return new TarHeader(name, (char) (block[TYPE_FLAG_OFFSET] & 0xFF), size);
    }

    /** Returns the {@code path} value of pax extended header records, or null if none is set. */
    static String paxPath(String source, byte[] records) throws IOException {
        String path = null;
        int position = 0;
        while (position < records.length) {
            // Each record is "<length> <key>=<value>\n", where length counts the whole record.
            int space = indexOf(records, (byte) ' ', position);
            int length = space < 0 ? -1 : parseDecimal(records, position, space);
            boolean valid = length > 0 && position + length <= records.length
                    && space < position + length - 1 && records[position + length - 1] == '\n';
            if (!valid) {
                throw new IOException(String.format("%s: pax extended header record at byte %d is malformed",
                        source, position));
            }
            String record = new String(records, space + 1, position + length - space - 2, StandardCharsets.UTF_8);
            if (record.startsWith("path=")) {
                path = record.substring("path=".length());
            }
            position += length;
        }
        return path;
    }

    static String trimNul(String value) {
        int nul = value.indexOf('\0');
        return nul < 0 ? value : value.substring(0, nul);
    }

    private static void verifyChecksum(String source, String name, byte[] block) throws IOException {
        long stored = parseNumber(source, name, "checksum", block, CHECKSUM_OFFSET, CHECKSUM_LENGTH);
        // The checksum is the byte sum with the checksum field read as spaces; old tars summed signed bytes.
        long unsignedSum = 0;
        long signedSum = 0;
        for (int i = 0; i < block.length; i++) {
            boolean inField = i >= CHECKSUM_OFFSET && i < CHECKSUM_OFFSET + CHECKSUM_LENGTH;
            unsignedSum += inField ? ' ' : block[i] & 0xFF;
            signedSum += inField ? ' ' : block[i];
        }
        if (stored != unsignedSum && stored != signedSum) {
            throw new IOException(String.format(
                    "%s: tar header of entry '%s' has checksum %d, but its bytes sum to %d; "
                            + "the archive is corrupt or not a tar file", source, name, stored, unsignedSum));
        }
    }

    private static boolean isUstar(byte[] block) {
        return text(block, MAGIC_OFFSET, 5).equals("ustar");
    }

    /** Parses an octal field padded with spaces or NULs, or a base-256 field marked by its high bit. */
    private static long parseNumber(String source, String entry, String field, byte[] block, int offset, int length)
            throws IOException {
        if ((block[offset] & 0x80) != 0) {
            return parseBase256(source, entry, field, block, offset, length);
        }
        String digits = text(block, offset, length).trim();
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '7') || digits.length() > 21) {
            throw new IOException(String.format("%s: tar entry '%s' has an invalid %s field '%s', expected octal digits",
                    source, entry, field, digits));
        }
        return Long.parseLong(digits, 8);
    }

    private static long parseBase256(String source, String entry, String field, byte[] block, int offset,
            int length) throws IOException {
        long value = block[offset] & 0x7F;
        for (int i = offset + 1; i < offset + length; i++) {
            if (value > (Long.MAX_VALUE >> 8)) {
                throw new IOException(String.format("%s: tar entry '%s' has a %s field too large for a long",
                        source, entry, field));
            }
            value = (value << 8) | (block[i] & 0xFF);
        }
        return value;
    }

    private static String text(byte[] block, int offset, int length) {
        int end = offset;
        while (end < offset + length && block[end] != 0) {
            end++;
        }
        return new String(block, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] bytes, byte value, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static int parseDecimal(byte[] bytes, int from, int to) {
        if (to - from < 1 || to - from > 9) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            if (bytes[i] < '0' || bytes[i] > '9') {
                return -1;
            }
            value = value * 10 + (bytes[i] - '0');
        }
        return value;
    }
}
