package org.hakoniwa.bridge.spi.transport;

import java.nio.ByteBuffer;

/**
 * One open WebSocket connection, seen from this side.
 *
 * <p>Thread-safe: every method may be called from any thread.
 */
public interface Connection {
    /** Close code 1000: normal closure. */
    int NORMAL = 1000;
    /** Close code 1001: the endpoint is going away (server stopping). */
    int GOING_AWAY = 1001;
    /** Close code 1002: protocol error. */
    int PROTOCOL_ERROR = 1002;
    /** Close code 1006: the connection ended without a close frame (never sent on the wire). */
    int ABNORMAL = 1006;
    /** Close code 1008: policy violation. */
    int POLICY_VIOLATION = 1008;
    /** Close code 1009: a message was too big. */
    int MESSAGE_TOO_BIG = 1009;
    /** Close code 1011: unexpected server condition. */
    int SERVER_ERROR = 1011;
    /** Close code 1013: try again later. */
    int TRY_AGAIN_LATER = 1013;

    /** The peer's address as {@code host:port}, for logs. */
    String remoteAddress();

    /**
     * Sends one binary message asynchronously. The callback is completed exactly once, possibly on the calling
     * thread before this method returns. Callers keep at most one message in flight per connection; the
     * transport may reject a second one with a failed callback. The buffer must not be changed until then.
     */
    void sendBinary(ByteBuffer message, SendCallback callback);

    /**
     * Sends a ping. Pings and pongs are control frames: the transport sends them ahead of queued data and
     * whatever is in flight. Failures are not reported here; a dead connection shows up as a close.
     */
    void sendPing(ByteBuffer payload);

    /** Starts the closing handshake. {@link ConnectionHandler#onClose} follows. Idempotent. */
    void close(int code, String reason);

    /**
     * Drops the connection at once without a closing handshake, for peers that stopped answering.
     * {@link ConnectionHandler#onClose} follows with 1006. Idempotent.
     */
    void abort();

    boolean isOpen();
}
