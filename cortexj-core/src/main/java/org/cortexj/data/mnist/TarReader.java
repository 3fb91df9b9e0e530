package org.cortexj.data.mnist;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the entries of an uncompressed tar archive (POSIX ustar, with pax and GNU long names).
 *
 * <p>Every header is untrusted: its checksum is verified, numeric fields must be valid octal or
 * base-256, and metadata entries are size-limited before they are buffered. Content is streamed,
 * so a large size field never causes a large allocation. Names are returned as stored; callers
 * that write files must check them, as {@link TarExtractor} does.
 */
final class TarReader {
    static final int BLOCK_BYTES = 512;

    /** Limit for pax and GNU long-name metadata, which is read into memory. */
    static final int MAX_METADATA_BYTES = 1 << 20;

    private final String source;
    private final InputStream in;
    private long remainingContent;
    private long remainingPadding;

    /** Reads from {@code in}, naming {@code source} in error messages. The caller closes the stream. */
    TarReader(String source, InputStream in) {
        this.source = source;
        this.in = in;
    }

    /** Skips any unread content and returns the next entry, or null at the end of the archive. */
    TarEntry nextEntry() throws IOException {
        String longName = null;
        while (true) {
            // Skips the unread content of the previous entry, or the padding after metadata.
            skipRest();
            byte[] header = readBlock("an entry header");
            if (header == null || isZeroBlock(header)) {
                return null;
            }
            TarHeader parsed = TarHeader.parse(source, header);
            startContent(parsed.size());
            char type = parsed.typeFlag();
            if (type == 'x') {
                String paxPath = TarHeader.paxPath(source, readMetadata(parsed));
                longName = paxPath != null ? paxPath : longName;
            } else if (type == 'L') {
                longName = TarHeader.trimNul(new String(readMetadata(parsed), StandardCharsets.UTF_8));
            } else if (type != 'g' && type != 'K') {
                // Types g (global pax header) and K (GNU long link name) set nothing this reader uses.
                return new TarEntry(longName != null ? longName : parsed.name(), type, parsed.size());
            }
        }
    }

    /** Copies the content of the current entry to {@code out}, failing if the archive ends early. */
    void copyContentTo(OutputStream out) throws IOException {
        byte[] buffer = new byte[1 << 16];
        while (remainingContent > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, remainingContent));
            if (read < 0) {
                throw new IOException(source + ": tar archive ends inside entry content, "
                        + remainingContent + " bytes missing; the archive is truncated");
            }
            out.write(buffer, 0, read);
            remainingContent -= read;
        }
    }

    private void startContent(long size) {
        remainingContent = size;
        long remainder = size % BLOCK_BYTES;
        remainingPadding = remainder == 0 ? 0 : BLOCK_BYTES - remainder;
    }

    private byte[] readMetadata(TarHeader header) throws IOException {
        if (header.size() > MAX_METADATA_BYTES) {
            throw new IOException(String.format("%s: tar metadata entry of type '%c' is %d bytes, limit %d",
                    source, header.typeFlag(), header.size(), MAX_METADATA_BYTES));
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream((int) header.size());
        copyContentTo(content);
        return content.toByteArray();
    }

    private void skipRest() throws IOException {
        long toSkip = remainingContent + remainingPadding;
        remainingContent = 0;
        remainingPadding = 0;
        try {
            in.skipNBytes(toSkip);
        } catch (EOFException e) {
            throw new IOException(source + ": tar archive ends inside entry content; the archive is truncated", e);
        }
    }

    /** Returns the next block, or null at a clean end of input; a partial block is an error. */
    private byte[] readBlock(String purpose) throws IOException {
        byte[] block = in.readNBytes(BLOCK_BYTES);
        if (block.length == 0) {
            return null;
        }
        if (block.length < BLOCK_BYTES) {
            throw new IOException(String.format("%s: tar archive ends after %d of %d bytes of %s; "
                    + "the archive is truncated", source, block.length, BLOCK_BYTES, purpose));
        }
        return block;
    }

    private static boolean isZeroBlock(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
