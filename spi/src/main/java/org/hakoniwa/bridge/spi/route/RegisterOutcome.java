package org.hakoniwa.bridge.spi.route;

/** What {@link RouteStore#register} did. */
public enum RegisterOutcome {
    /** A new registration was made. */
    REGISTERED,
    /** The same connection had already registered this name for this service; the existing one stands. */
    ALREADY_REGISTERED,
    /** Another live connection holds this name for this service. */
    NAME_TAKEN,
    /** The service's limit of registrations is reached. */
    SERVICE_FULL
}
