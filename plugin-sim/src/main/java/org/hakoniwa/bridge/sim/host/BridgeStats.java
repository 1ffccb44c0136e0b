package org.hakoniwa.bridge.sim.host;

import java.util.List;

/**
 * A snapshot of the bridge, for status pages and metrics.
 *
 * @param clients every connected client
 * @param topics topics with at least one reader
 * @param subscriptions (topic, client) read subscriptions
 * @param registrations live RPC registrations
 * @param pendingCalls RPC calls waiting for their handler
 */
public record BridgeStats(List<ClientStats> clients, int topics, int subscriptions, int registrations,
        int pendingCalls) {
    public BridgeStats {
        clients = List.copyOf(clients);
    }

    public int clientCount() {
        return clients.size();
    }
}
