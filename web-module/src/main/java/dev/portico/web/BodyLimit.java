package dev.portico.web;

import dev.portico.web.error.ApiError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a request body up to its stated size and no further: a larger body is refused with 413
 * {@code PAYLOAD_TOO_LARGE} before it is held in memory (what follows is skipped up to a bound,
 * so the client hears the answer instead of a reset connection).
 */
public final class BodyLimit {

    /** How much of an oversized body is read and dropped before answering. */
    private static final long MAX_DRAINED = 16L * 1024 * 1024;

    private BodyLimit() {
    }

    /** At most {@code maxBytes} of the body; {@code refusal} says the limit in words. */
    public static byte[] bytes(InputStream body, int maxBytes, String refusal) {
        try {
            byte[] bytes = body == null ? new byte[0] : body.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                drain(body);
                throw new ApiError(413, "PAYLOAD_TOO_LARGE", refusal);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body as UTF-8 text of at most {@code maxBytes} bytes. */
    public static String text(InputStream body, int maxBytes) {
        return new String(bytes(body, maxBytes, "Request bodies here are limited to " + maxBytes + " bytes."),
                StandardCharsets.UTF_8);
    }

    private static void drain(InputStream body) throws IOException {
        long drained = 0;
        long skipped;
        while (drained < MAX_DRAINED && (skipped = body.skip(MAX_DRAINED - drained)) > 0) {
            drained += skipped;
        }
    }
}
