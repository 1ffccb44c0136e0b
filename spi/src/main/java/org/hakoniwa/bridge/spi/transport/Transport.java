package org.hakoniwa.bridge.spi.transport;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * A WebSocket implementation, both sides: a server that accepts connections and a client that opens them.
 * One message is one binary WebSocket message; the transport neither splits nor joins messages.
 *
 * <p>Threading: all methods may be called from any thread. Callbacks of one connection's
 * {@link ConnectionHandler} are never called concurrently with each other; callbacks of different
 * connections may run concurrently.
 */
public interface Transport extends AutoCloseable {
    /**
     * Starts a server. For every upgraded connection {@code acceptor} is called once, before any message of
     * that connection is delivered.
     *
     * @throws TransportException when the address cannot be bound
     */
    ServerHandle listen(ServerOptions options, ConnectionAcceptor acceptor);

    /**
     * Opens a client connection. The future completes with the open connection after
     * {@code acceptor} has been called for it, or exceptionally with a {@link TransportException}.
     */
    CompletableFuture<Connection> connect(URI uri, ClientOptions options, ConnectionAcceptor acceptor);

    /** Stops every server and client of this transport; open connections are closed with 1001. Idempotent. */
    @Override
    void close();
}
