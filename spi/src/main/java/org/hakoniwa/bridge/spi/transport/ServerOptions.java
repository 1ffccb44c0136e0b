package org.hakoniwa.bridge.spi.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * How a server listens.
 *
 * @param host the address to bind, {@code 127.0.0.1} by default
 * @param port the port; 0 picks a free one
 * @param maxInboundMessageBytes a bigger inbound message closes the connection with 1009
 * @param perMessageDeflate whether to accept the clients' offer of {@code permessage-deflate}
 * @param idleTimeout a connection with no traffic at all for this long is dropped; a backstop behind the
 *     bridge's own ping liveness. {@link Duration#ZERO} means never
 */
public record ServerOptions(String host, int port, int maxInboundMessageBytes, boolean perMessageDeflate,
        Duration idleTimeout) {
    public ServerOptions {
        Objects.requireNonNull(host, "host is null");
        Objects.requireNonNull(idleTimeout, "idleTimeout is null");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (maxInboundMessageBytes <= 0) {
            throw new IllegalArgumentException("maxInboundMessageBytes must be > 0: " + maxInboundMessageBytes);
        }
    }
}
