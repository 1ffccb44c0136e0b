package org.hakoniwa.bridge.spi.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * How a client connects.
 *
 * @param maxInboundMessageBytes a bigger inbound message closes the connection with 1009
 * @param connectTimeout how long the opening handshake may take
 * @param idleTimeout a connection with no traffic for this long is dropped; {@link Duration#ZERO} means never
 */
public record ClientOptions(int maxInboundMessageBytes, Duration connectTimeout, Duration idleTimeout) {
    public ClientOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout is null");
        Objects.requireNonNull(idleTimeout, "idleTimeout is null");
        if (maxInboundMessageBytes <= 0) {
            throw new IllegalArgumentException("maxInboundMessageBytes must be > 0: " + maxInboundMessageBytes);
        }
    }
}
