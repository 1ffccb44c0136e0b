package org.hakoniwa.bridge.spi.route;

import static java.util.Objects.requireNonNull;

/**
 * The key of a call in progress. Every client starts its request ids at 0, so the service and request id
 * alone are not unique: the client name is part of the key.
 */
public record PendingCall(String service, String clientName, long requestId) {
    public PendingCall {
        requireNonNull(service, "service is null");
        requireNonNull(clientName, "clientName is null");
    }
}
