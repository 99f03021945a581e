package dev.portico.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portico.web.error.ApiError;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A body is read up to its limit; one byte more is a 413, and the rest is never held. */
class BodyLimitTest {

    @Test
    void aBodyUpToTheLimitIsRead() {
        assertEquals("x".repeat(16), BodyLimit.text(stream(16), 16));
        assertEquals("", BodyLimit.text(null, 16));
    }

    @Test
    void oneByteMoreIsTooLarge() {
        ApiError refused = assertThrows(ApiError.class, () -> BodyLimit.text(stream(17), 16));

        assertEquals(413, refused.status());
        assertEquals("PAYLOAD_TOO_LARGE", refused.code());
    }

    @Test
    void aHugeBodyIsDrainedNotHeld() {
        CountingStream huge = new CountingStream(64L * 1024 * 1024);

        assertThrows(ApiError.class, () -> BodyLimit.bytes(huge, 1024, "too large"));
        assertEquals(16L * 1024 * 1024 + 1025, huge.consumed(), "read the limit, then skipped a bounded amount");
    }

    private static InputStream stream(int bytes) {
        return new ByteArrayInputStream("x".repeat(bytes).getBytes(StandardCharsets.UTF_8));
    }

    /** An endless-looking body that counts what was taken from it. */
    private static final class CountingStream extends InputStream {
        private final long size;
        private long position;

        CountingStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (position >= size) {
                return -1;
            }
            position++;
            return 'x';
        }

        @Override
        public long skip(long n) {
            long skipped = Math.min(n, size - position);
            position += skipped;
            return skipped;
        }

        long consumed() {
            return position;
        }
    }
}
