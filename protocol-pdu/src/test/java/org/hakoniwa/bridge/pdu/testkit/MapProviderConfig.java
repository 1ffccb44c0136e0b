package org.hakoniwa.bridge.pdu.testkit;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.hakoniwa.bridge.spi.ProviderConfig;

/** A ProviderConfig over a map of already-typed strings, for tests; durations are in milliseconds ("100ms"). */
public final class MapProviderConfig implements ProviderConfig {
    private final Map<String, String> values;

    public MapProviderConfig(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static MapProviderConfig empty() {
        return new MapProviderConfig(Map.of());
    }

    @Override
    public Optional<String> raw(String key) {
        return Optional.ofNullable(values.get(key));
    }

    private String required(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("test config has no " + key);
        }
        return value;
    }

    @Override
    public String string(String key) {
        return required(key);
    }

    @Override
    public int integer(String key) {
        return Integer.parseInt(required(key));
    }

    @Override
    public long longValue(String key) {
        return Long.parseLong(required(key));
    }

    @Override
    public boolean bool(String key) {
        return Boolean.parseBoolean(required(key));
    }

    @Override
    public Duration duration(String key) {
        String value = required(key);
        if (!value.endsWith("ms")) {
            throw new IllegalArgumentException("test durations are written in ms: " + value);
        }
        return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
    }

    @Override
    public long bytes(String key) {
        return Long.parseLong(required(key));
    }
}
