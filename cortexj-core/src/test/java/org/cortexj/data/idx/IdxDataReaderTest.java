package org.cortexj.data.idx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IdxDataReaderTest {

    /** Serves bytes and records the largest buffer a caller passed to read. */
    private static final class RecordingStream extends InputStream {
        private final ByteArrayInputStream in;
        int largestBuffer;

        RecordingStream(byte[] content) {
            this.in = new ByteArrayInputStream(content);
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            largestBuffer = Math.max(largestBuffer, buffer.length);
            return in.read(buffer, offset, length);
        }
    }

    @Test
    void unknownLengthBufferFollowsActualBytes() {
        IdxHeader claims512MiB = new IdxHeader(IdxType.UNSIGNED_BYTE, new int[] {1 << 29});
        RecordingStream stream = new RecordingStream(new byte[100]);

        assertThrows(IdxFormatException.class,
                () -> IdxDataReader.readWithUnknownLength("claim", "gzip data", stream, claims512MiB));

        assertTrue(stream.largestBuffer <= IdxDataReader.INITIAL_STREAM_BUFFER_BYTES,
                "buffer of " + stream.largestBuffer + " bytes allocated for 100 bytes of data");
    }

    @Test
    void unknownLengthBufferGrowsToExactSize() throws IOException {
        int size = 3 * IdxDataReader.INITIAL_STREAM_BUFFER_BYTES + 17;
        byte[] content = new byte[size];
        new Random(1).nextBytes(content);
        IdxHeader header = new IdxHeader(IdxType.UNSIGNED_BYTE, new int[] {size});

        byte[] data = IdxDataReader.readWithUnknownLength("grow", "stream", new RecordingStream(content), header);

        assertArrayEquals(content, data);
    }
}
