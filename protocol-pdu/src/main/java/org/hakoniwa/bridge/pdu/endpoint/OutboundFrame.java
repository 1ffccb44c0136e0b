package org.hakoniwa.bridge.pdu.endpoint;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import org.hakoniwa.bridge.spi.PduKey;
import org.hakoniwa.bridge.spi.backpressure.QueuedFrame;

/**
 * One encoded message waiting for a client. The bytes are shared between every client that gets the same
 * encoding, so nobody may change them; the queue sends a duplicate.
 *
 * @param key the PDU topic, or null for a frame that belongs to no topic
 * @param bytes the whole WebSocket message
 * @param guarded whether the client must still read {@code key} when the frame leaves (fan-out frames);
 *     replies to a request are not guarded
 */
public record OutboundFrame(PduKey key, ByteBuffer bytes, boolean guarded) implements QueuedFrame {
    public OutboundFrame {
        requireNonNull(bytes, "bytes is null");
        if (guarded && key == null) {
            throw new IllegalArgumentException("a guarded frame needs a key");
        }
    }

    /** A frame without a topic: an application's raw send, an RPC reply, an extension message. */
    public static OutboundFrame raw(ByteBuffer bytes) {
        return new OutboundFrame(null, bytes, false);
    }

    @Override
    public int size() {
        return bytes.remaining();
    }
}
