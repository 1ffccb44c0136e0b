package org.hakoniwa.bridge.spi.transport;

/** Completion of {@link Connection#sendBinary}. Exactly one of the two methods is called, exactly once. */
public interface SendCallback {
    /** The message was handed to the network. */
    void succeeded();

    /** The message could not be sent; the connection is usually closing. */
    void failed(Throwable cause);
}
