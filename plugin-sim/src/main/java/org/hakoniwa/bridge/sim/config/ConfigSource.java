package org.hakoniwa.bridge.sim.config;

/** Where a configuration value came from, lowest precedence first: a later source overrides an earlier one. */
public enum ConfigSource {
    /** Nobody set the key: its default applies. */
    DEFAULT,
    /** The properties file named by {@code --config}. */
    FILE,
    /** An environment variable such as {@code BRIDGE_MAX_CLIENTS}. */
    ENVIRONMENT,
    /** A Java system property {@code -Dbridge.…} given to the JVM (before the jar). */
    SYSTEM_PROPERTY,
    /** An option after the jar: {@code --port}, {@code --set key=value}, {@code -Dbridge.key=value}. */
    COMMAND_LINE
}
