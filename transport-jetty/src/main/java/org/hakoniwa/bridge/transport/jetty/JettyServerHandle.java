package org.hakoniwa.bridge.transport.jetty;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.hakoniwa.bridge.spi.transport.Connection;
import org.hakoniwa.bridge.spi.transport.ServerHandle;

/** A started Jetty server. */
final class JettyServerHandle implements ServerHandle {
    private final Server server;
    private final ServerConnector connector;
    private final OpenConnections openConnections;
    private final AtomicBoolean closed = new AtomicBoolean();

    JettyServerHandle(Server server, ServerConnector connector, OpenConnections openConnections) {
        this.server = server;
        this.openConnections = openConnections;
        this.connector = connector;
    }

    @Override
    public InetSocketAddress address() {
        String host = connector.getHost() == null ? "0.0.0.0" : connector.getHost();
        return new InetSocketAddress(host, connector.getLocalPort());
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            // Jetty's stop drops sessions without a close frame; close them properly first.
            openConnections.closeAll(Connection.GOING_AWAY, "server stopping", JettyTransport.CLOSE_WAIT);
            JettyTransport.stopQuietly(server);
        }
    }
}
