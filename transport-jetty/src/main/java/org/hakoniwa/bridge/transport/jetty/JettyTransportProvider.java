package org.hakoniwa.bridge.transport.jetty;

import org.hakoniwa.bridge.spi.ProviderConfig;
import org.hakoniwa.bridge.spi.ProviderContext;
import org.hakoniwa.bridge.spi.transport.Transport;
import org.hakoniwa.bridge.spi.transport.TransportProvider;

/** The default transport: Jetty 12 through the Jakarta WebSocket API. Name {@code jetty}. */
public final class JettyTransportProvider implements TransportProvider {
    public static final String NAME = "jetty";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Transport create(ProviderConfig config, ProviderContext context) {
        return new JettyTransport();
    }
}
