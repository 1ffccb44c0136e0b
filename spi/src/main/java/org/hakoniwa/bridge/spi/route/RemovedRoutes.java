package org.hakoniwa.bridge.spi.route;

import java.util.List;

/** What {@link RouteStore#removeClient} removed. */
public record RemovedRoutes(List<RpcRegistration> registrations, List<PendingCall> pendingCalls) {
    public RemovedRoutes {
        registrations = List.copyOf(registrations);
        pendingCalls = List.copyOf(pendingCalls);
    }

    public boolean isEmpty() {
        return registrations.isEmpty() && pendingCalls.isEmpty();
    }
}
