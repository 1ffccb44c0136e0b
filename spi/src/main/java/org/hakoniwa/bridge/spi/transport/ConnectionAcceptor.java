package org.hakoniwa.bridge.spi.transport;

/** Decides what handles a new connection. */
@FunctionalInterface
public interface ConnectionAcceptor {
    /**
     * Called once per connection, right after the upgrade and before any of its messages. May close the
     * connection (to refuse it); the returned handler still receives {@link ConnectionHandler#onClose}.
     *
     * @return the handler for this connection's events, never null
     */
    ConnectionHandler accept(Connection connection);
}
