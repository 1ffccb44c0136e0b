package org.hakoniwa.bridge.spi.transport;

import java.nio.ByteBuffer;

/**
 * Events of one connection. The transport never calls these methods concurrently for one connection, and
 * calls {@link #onClose} exactly once, after every other callback, whatever ended the connection (a close
 * frame from either side, a network error, an abort, the server stopping).
 *
 * <p>Handlers must not block: they run on the transport's network threads. An exception thrown by a
 * handler is logged by the transport and does not close the connection.
 */
public interface ConnectionHandler {
    /** One whole binary message. The buffer belongs to the handler from now on. */
    void onBinary(ByteBuffer message);

    /** One whole text message. The Hakoniwa protocol has none; ignored unless overridden. */
    default void onText(String message) {
    }

    /** A pong, answering a ping this side sent (or unsolicited); ignored unless overridden. */
    default void onPong(ByteBuffer payload) {
    }

    /** A transport-level error; {@link #onClose} follows when the error ended the connection. Ignored unless overridden. */
    default void onError(Throwable cause) {
    }

    /**
     * The connection is gone. Called exactly once and last.
     *
     * @param code the close code (1006 when the connection ended without a close frame)
     * @param reason the close reason, possibly empty
     */
    void onClose(int code, String reason);
}
