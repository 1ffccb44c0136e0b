package org.hakoniwa.bridge.pdu.codec;

import static java.util.Objects.requireNonNull;

/**
 * A binary message that is not a valid frame. Checked on purpose: every message comes from an untrusted
 * peer, and the caller must decide what to do (log and drop, or close the connection).
 */
public final class FrameDecodeException extends Exception {
    private final DecodeFailure failure;

    public FrameDecodeException(DecodeFailure failure, String message) {
        super(requireNonNull(message, "message is null"));
        this.failure = requireNonNull(failure, "failure is null");
    }

    /** Which check failed. */
    public DecodeFailure failure() {
        return failure;
    }
}
