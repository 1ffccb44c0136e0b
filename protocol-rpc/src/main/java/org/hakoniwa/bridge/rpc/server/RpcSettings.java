package org.hakoniwa.bridge.rpc.server;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * RPC safeguards.
 *
 * @param deadline a call whose handler has not answered by then gets status ERROR, result ERROR
 *     ({@code bridge.rpc.deadline})
 * @param maxInFlight calls one connection may have pending; more are answered BUSY at once
 *     ({@code bridge.rpc.max-in-flight})
 * @param enforceMaxClients refuse registrations beyond a service's {@code maxClients} with BUSY
 *     ({@code bridge.rpc.enforce-max-clients})
 */
public record RpcSettings(Duration deadline, int maxInFlight, boolean enforceMaxClients) {
    public static final RpcSettings DEFAULT = new RpcSettings(Duration.ofSeconds(10), 32, false);

    public RpcSettings {
        requireNonNull(deadline, "deadline is null");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be > 0: " + deadline);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be >= 1: " + maxInFlight);
        }
    }
}
