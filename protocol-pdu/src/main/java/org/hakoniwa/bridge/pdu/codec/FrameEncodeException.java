package org.hakoniwa.bridge.pdu.codec;

import static java.util.Objects.requireNonNull;

/**
 * A frame the codec refuses to encode. Unchecked: the bridge builds its own outgoing frames, so a refusal
 * is a bug or a configuration problem (an oversized PDU, a name too long), not bad input from a peer.
 */
public final class FrameEncodeException extends RuntimeException {
    private final EncodeFailure reason;

    public FrameEncodeException(EncodeFailure reason, String message) {
        super(requireNonNull(message, "message is null"));
        this.reason = requireNonNull(reason, "reason is null");
    }

    /** Which rule the frame broke. */
    public EncodeFailure reason() {
        return reason;
    }
}
