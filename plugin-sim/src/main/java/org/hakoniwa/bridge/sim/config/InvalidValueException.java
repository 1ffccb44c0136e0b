package org.hakoniwa.bridge.sim.config;

/**
 * A value that does not parse or is out of range. Carries only the reason ("must be at least 1"); whoever
 * knows the key, the value and its source turns it into a {@link ConfigurationException}.
 */
final class InvalidValueException extends Exception {
    InvalidValueException(String reason) {
        super(reason);
    }

    String reason() {
        return getMessage();
    }
}
