package org.hakoniwa.bridge.sim.config;

import static java.util.Objects.requireNonNull;

/**
 * One value as some source wrote it, before it is checked.
 *
 * @param key the key as written (it may be unknown)
 * @param value the value as written
 * @param origin where it was written
 */
record Setting(String key, String value, ValueOrigin origin) {
    Setting {
        requireNonNull(key, "key is null");
        requireNonNull(value, "value is null");
        requireNonNull(origin, "origin is null");
    }
}
