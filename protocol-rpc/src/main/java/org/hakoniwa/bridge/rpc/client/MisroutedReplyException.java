package org.hakoniwa.bridge.rpc.client;

/** A reply matched a call by its header names but came on a frame robot or channel the JavaScript client would miss. */
public final class MisroutedReplyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MisroutedReplyException(String message) {
        super(message);
    }
}
