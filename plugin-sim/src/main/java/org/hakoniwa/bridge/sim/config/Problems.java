package org.hakoniwa.bridge.sim.config;

/** Messages of the errors that stop start-up, in one place so that they keep one shape. */
final class Problems {
    private Problems() {
    }

    /** {@code Invalid value for bridge.port: "x" (from …): must be a whole number} */
    static ConfigurationException invalidValue(String key, String value, ValueOrigin origin, String reason) {
        return new ConfigurationException(
                "Invalid value for " + key + ": \"" + value + "\" " + origin.cited() + ": " + reason);
    }

    /** {@code Conflicting values: bridge.a = 1 (default) and bridge.b = 2 (from …): why; what to do} */
    static ConfigurationException conflict(String first, String relation, String second, String why,
            String remedy) {
        return new ConfigurationException(
                "Conflicting values: " + first + " " + relation + " " + second + ": " + why + "; " + remedy);
    }
}
