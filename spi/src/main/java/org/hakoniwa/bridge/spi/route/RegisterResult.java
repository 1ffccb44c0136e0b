package org.hakoniwa.bridge.spi.route;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The result of {@link RouteStore#register}.
 *
 * @param outcome what happened
 * @param registration the registration now in force for the caller ({@code REGISTERED},
 *     {@code ALREADY_REGISTERED}), the other connection's ({@code NAME_TAKEN}), or empty ({@code SERVICE_FULL})
 */
public record RegisterResult(RegisterOutcome outcome, Optional<RpcRegistration> registration) {
    public RegisterResult {
        requireNonNull(outcome, "outcome is null");
        requireNonNull(registration, "registration is null");
    }
}
