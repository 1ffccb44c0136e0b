package org.hakoniwa.bridge.pdu.codec;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.hakoniwa.bridge.spi.PduKey;

/**
 * One decoded (or to-be-encoded) wire message: its form, type, topic, body and the three v2 times.
 *
 * <p>The body is held as a read-only view whose position is 0 and whose limit is the body length; the
 * constructor takes the bytes between the given buffer's position and limit without copying them, so the
 * caller must not change those bytes afterwards (a decoded frame shares them with the received message).
 * {@link #body()} returns a fresh little-endian view each time, so readers cannot disturb one another.
 *
 * <p>Equality is by value, the body by content. A v1 control message has an empty body (the 4-byte code
 * that carries it on the wire is not part of the frame), so a v1 and a v2 declare differ only in form.
 * v1 frames carry no times; they decode with all three times 0.
 */
public record Frame(
        FrameForm form,
        MessageType type,
        String robot,
        int channel,
        ByteBuffer body,
        long hakoTimeUs,
        long assetTimeUs,
        long realTimeUs) {

    public Frame {
        requireNonNull(form, "form is null");
        requireNonNull(type, "type is null");
        requireNonNull(robot, "robot is null");
        requireNonNull(body, "body is null");
        ByteBuffer view = body.slice();
        body = view.isReadOnly() ? view : view.asReadOnlyBuffer();
    }

    /** A frame with all three times 0, as the existing clients write them. */
    public static Frame of(FrameForm form, MessageType type, String robot, int channel, ByteBuffer body) {
        return new Frame(form, type, robot, channel, body, 0L, 0L, 0L);
    }

    /**
     * The body as a new read-only, little-endian view (position 0, limit = body length). Moving its position
     * does not affect the frame.
     */
    @Override
    public ByteBuffer body() {
        return body.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The frame's own body view, for the codec: never hand it out (callers could move its position). */
    ByteBuffer bodyView() {
        return body;
    }

    /** The topic this frame is about. */
    public PduKey key() {
        return new PduKey(robot, channel);
    }

    /** The number of body bytes. */
    public int bodyLength() {
        return body.limit();
    }

    /** A copy of the body bytes. */
    public byte[] bodyBytes() {
        byte[] bytes = new byte[body.limit()];
        body.get(0, bytes);
        return bytes;
    }

    /** Names the fields and the body length, not the body bytes. */
    @Override
    public String toString() {
        return "Frame[form=" + form + ", type=" + type + ", robot=" + robot + ", channel=" + channel
                + ", body=" + body.limit() + " bytes, hakoTimeUs=" + hakoTimeUs + ", assetTimeUs="
                + assetTimeUs + ", realTimeUs=" + realTimeUs + "]";
    }
}
