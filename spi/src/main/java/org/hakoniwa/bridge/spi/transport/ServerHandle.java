package org.hakoniwa.bridge.spi.transport;

import java.net.InetSocketAddress;

/** A listening server. */
public interface ServerHandle extends AutoCloseable {
    /** The bound address; the real port when the options asked for port 0. */
    InetSocketAddress address();

    /** Stops accepting and closes every connection of this server with 1001 (going away). Idempotent. */
    @Override
    void close();
}
