package org.hakoniwa.bridge.spi.transport;

/** A transport could not do what was asked: bind an address, open a connection. */
public final class TransportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
