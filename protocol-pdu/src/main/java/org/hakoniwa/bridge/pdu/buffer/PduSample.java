package org.hakoniwa.bridge.pdu.buffer;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import org.hakoniwa.bridge.spi.PduKey;

/**
 * One stored PDU value.
 *
 * @param key the topic
 * @param body the PDU bytes (read-only)
 * @param storedAtNanos {@link System#nanoTime()} when it was stored, to tell which of two values is newer
 */
public record PduSample(PduKey key, ByteBuffer body, long storedAtNanos) {
    public PduSample {
        requireNonNull(key, "key is null");
        requireNonNull(body, "body is null");
        body = body.asReadOnlyBuffer();
    }

    /** A fresh view of the body, positioned at its start; callers may move it freely. */
    public ByteBuffer bodyView() {
        return body.duplicate();
    }

    /** A copy of the body. */
    public byte[] bodyBytes() {
        byte[] copy = new byte[body.remaining()];
        body.duplicate().get(copy);
        return copy;
    }

    /** True when this sample was stored after {@code other} (or other is null). */
    public boolean newerThan(PduSample other) {
        return other == null || storedAtNanos - other.storedAtNanos > 0;
    }
}
