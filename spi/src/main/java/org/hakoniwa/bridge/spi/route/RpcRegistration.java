package org.hakoniwa.bridge.spi.route;

import static java.util.Objects.requireNonNull;

import org.hakoniwa.bridge.spi.ClientId;

/**
 * A live RPC registration: the connection {@code owner} registered {@code clientName} for {@code service}
 * and was given number {@code number}, so its request channel is {@code 2·number} and its response channel
 * {@code 2·number + 1}.
 */
public record RpcRegistration(String service, String clientName, ClientId owner, int number) {
    public RpcRegistration {
        requireNonNull(service, "service is null");
        requireNonNull(clientName, "clientName is null");
        requireNonNull(owner, "owner is null");
        if (number < 0) {
            throw new IllegalArgumentException("number must be >= 0: " + number);
        }
    }

    public int requestChannel() {
        return 2 * number;
    }

    public int responseChannel() {
        return 2 * number + 1;
    }
}
