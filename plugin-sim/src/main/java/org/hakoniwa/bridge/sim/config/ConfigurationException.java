package org.hakoniwa.bridge.sim.config;

/**
 * The configuration cannot be used: an unknown key, a malformed or out-of-range value, values that
 * contradict each other, or no provider for a configured name. Stops start-up. The message names the key,
 * the value, where it came from and what to do about it, and is meant to be shown to the user as it is.
 */
public final class ConfigurationException extends RuntimeException {
    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
