package org.hakoniwa.bridge.transport.jetty;

import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerEndpointConfig;
import java.time.Duration;
import java.util.List;
import org.hakoniwa.bridge.spi.transport.ConnectionAcceptor;

/** Creates one endpoint per connection and decides on {@code permessage-deflate}. */
final class EndpointConfigurator extends ServerEndpointConfig.Configurator {
    private final ConnectionAcceptor acceptor;
    private final int maxInboundMessageBytes;
    private final Duration idleTimeout;
    private final boolean perMessageDeflate;
    private final OpenConnections openConnections;

    EndpointConfigurator(ConnectionAcceptor acceptor, int maxInboundMessageBytes, Duration idleTimeout,
            boolean perMessageDeflate, OpenConnections openConnections) {
        this.openConnections = openConnections;
        this.acceptor = acceptor;
        this.maxInboundMessageBytes = maxInboundMessageBytes;
        this.idleTimeout = idleTimeout;
        this.perMessageDeflate = perMessageDeflate;
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) {
        return endpointClass.cast(new JakartaEndpointAdapter(acceptor, maxInboundMessageBytes, idleTimeout, null, openConnections));
    }

    @Override
    public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
        // Declining is always allowed by RFC 6455; on loopback compression only costs CPU per client.
        return perMessageDeflate ? super.getNegotiatedExtensions(installed, requested) : List.of();
    }
}
