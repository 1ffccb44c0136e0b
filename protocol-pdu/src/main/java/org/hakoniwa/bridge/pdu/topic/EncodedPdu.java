package org.hakoniwa.bridge.pdu.topic;

import java.nio.ByteBuffer;
import org.hakoniwa.bridge.pdu.codec.FrameCodec;
import org.hakoniwa.bridge.pdu.codec.FrameForm;
import org.hakoniwa.bridge.pdu.codec.MessageType;
import org.hakoniwa.bridge.pdu.endpoint.OutboundFrame;
import org.hakoniwa.bridge.spi.PduKey;

/**
 * One published PDU value with its encodings: at most one per frame form, made the first time a client of
 * that form needs it and then shared by every such client. The v2-304 encoding is made at once and holds the
 * only copy of the body; the other forms are encoded from it.
 */
final class EncodedPdu {
    private static final int V2_HEADER = 304;

    private final PduKey key;
    private final long hakoTimeUs;
    private final long realTimeUs;
    private final long storedAtNanos;
    private final ByteBuffer body;
    // guarded by this: guardedFrames, unguardedFrames (index = FrameForm ordinal)
    private final OutboundFrame[] guardedFrames = new OutboundFrame[FrameForm.values().length];
    private final OutboundFrame[] unguardedFrames = new OutboundFrame[FrameForm.values().length];

    private EncodedPdu(PduKey key, long hakoTimeUs, long realTimeUs, ByteBuffer v2) {
        this.key = key;
        this.hakoTimeUs = hakoTimeUs;
        this.realTimeUs = realTimeUs;
        this.storedAtNanos = System.nanoTime();
        ByteBuffer shared = v2.asReadOnlyBuffer();
        this.body = shared.duplicate().position(V2_HEADER).slice();
        guardedFrames[FrameForm.V2_304.ordinal()] = new OutboundFrame(key, shared, true);
    }

    /**
     * Encodes {@code body} (copying it once) for publishing.
     *
     * @throws org.hakoniwa.bridge.pdu.codec.FrameEncodeException when the frame would be too large
     */
    static EncodedPdu encode(FrameCodec codec, PduKey key, ByteBuffer body, long hakoTimeUs, long realTimeUs) {
        ByteBuffer v2 = codec.encode(FrameForm.V2_304, MessageType.PDU_DATA, key.robot(), key.channel(), body,
                hakoTimeUs, 0, realTimeUs);
        return new EncodedPdu(key, hakoTimeUs, realTimeUs, v2);
    }

    PduKey key() {
        return key;
    }

    /** The body, read-only; a fresh view each time. */
    ByteBuffer body() {
        return body.duplicate();
    }

    long storedAtNanos() {
        return storedAtNanos;
    }

    /**
     * The frame for clients of {@code form}.
     *
     * @param guarded whether the frame is dropped if the client stopped reading the topic before it leaves
     * @throws org.hakoniwa.bridge.pdu.codec.FrameEncodeException when this form would be too large
     */
    synchronized OutboundFrame frame(FrameCodec codec, FrameForm form, boolean guarded) {
        OutboundFrame[] frames = guarded ? guardedFrames : unguardedFrames;
        OutboundFrame frame = frames[form.ordinal()];
        if (frame == null) {
            OutboundFrame other = (guarded ? unguardedFrames : guardedFrames)[form.ordinal()];
            ByteBuffer bytes = other != null ? other.bytes() : codec.encode(form, MessageType.PDU_DATA, key.robot(),
                    key.channel(), body.duplicate(), hakoTimeUs, 0, realTimeUs).asReadOnlyBuffer();
            frame = new OutboundFrame(key, bytes, guarded);
            frames[form.ordinal()] = frame;
        }
        return frame;
    }
}
