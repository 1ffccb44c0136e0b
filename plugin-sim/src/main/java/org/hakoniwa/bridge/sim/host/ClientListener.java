package org.hakoniwa.bridge.sim.host;

import org.hakoniwa.bridge.spi.ClientId;

/**
 * Told when WebSocket clients come and go. Called on network threads: must be quick and must not block. Each
 * admitted client gets exactly one {@link #connected} and, later, exactly one {@link #disconnected}.
 */
public interface ClientListener {
    default void connected(ClientId client) {
    }

    default void disconnected(ClientId client) {
    }
}
