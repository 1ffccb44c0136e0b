package org.hakoniwa.bridge.sim.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.hakoniwa.bridge.spi.ProviderConfig;

/**
 * The bridge's effective configuration: every key of {@link BridgeKeys} with its value and where that value
 * came from, plus the keys under {@code bridge.ext.} that were set. Built by {@link BridgeConfigLoader};
 * immutable and safe to share between threads.
 *
 * <p>Through {@link ProviderConfig} a key is read by name: a known key only with the getter of its type
 * ({@code bytes} for a size, {@code longValue} also for an int), a key under {@code bridge.ext.} with any
 * getter, which parses its text with the bridge's syntax. Any other name is refused.
 */
public final class BridgeConfig implements ProviderConfig {
    /** The effective value of one known key. {@code raw} is empty only for a key that is unset. */
    record Entry<T>(ConfigKey<T> key, T value, Optional<String> raw, ValueOrigin origin) {
        Entry {
            requireNonNull(key, "key is null");
            requireNonNull(value, "value is null");
            requireNonNull(raw, "raw is null");
            requireNonNull(origin, "origin is null");
        }

        static <T> Entry<T> byDefault(ConfigKey<T> key) {
            return new Entry<>(key, key.defaultValue(),
                    key.hasDefault() ? Optional.of(key.defaultText()) : Optional.empty(), ValueOrigin.DEFAULT);
        }

        String formatted() {
            return key.format(value);
        }
    }

    /** A key of a custom provider ({@code bridge.ext.…}), kept as text. */
    record ExtensionEntry(String key, String raw, ValueOrigin origin) {
        ExtensionEntry {
            requireNonNull(key, "key is null");
            requireNonNull(raw, "raw is null");
            requireNonNull(origin, "origin is null");
        }
    }

    private static final BridgeConfig DEFAULTS = new BridgeConfig(Map.of(), Map.of());

    // Both maps are unmodifiable; entries holds every known key, in the order of BridgeKeys.all().
    private final Map<String, Entry<?>> entries;
    // Keyed by BridgeKeys.environmentName(key), so bridge.ext.a.b and BRIDGE_EXT_A_B are one key.
    private final Map<String, ExtensionEntry> extensions;

    BridgeConfig(Map<String, Entry<?>> set, Map<String, ExtensionEntry> extensions) {
        Map<String, Entry<?>> all = new LinkedHashMap<>();
        for (ConfigKey<?> key : BridgeKeys.all()) {
            all.put(key.name(), set.containsKey(key.name()) ? set.get(key.name()) : Entry.byDefault(key));
        }
        this.entries = Collections.unmodifiableMap(all);
        this.extensions = Collections.unmodifiableMap(new TreeMap<>(extensions));
    }

    /** Every key at its default. */
    public static BridgeConfig defaults() {
        return DEFAULTS;
    }

    /** The effective value of {@code key}; an empty {@code Optional} for an optional key nobody set. */
    public <T> T get(ConfigKey<T> key) {
        return entry(key).value();
    }

    public ConfigSource sourceOf(ConfigKey<?> key) {
        return entry(key).origin().source();
    }

    /** Where the value of {@code key} came from, down to the file, variable or option. */
    public ValueOrigin originOf(ConfigKey<?> key) {
        return entry(key).origin();
    }

    /** Whether several clients may connect: {@code bridge.multi-client-enabled} if set, else max-clients > 1. */
    public boolean multiClientEnabled() {
        return get(BridgeKeys.MULTI_CLIENT_ENABLED).orElseGet(() -> get(BridgeKeys.MAX_CLIENTS) > 1);
    }

    /**
     * One line {@code key = value (source)} per key, known keys first in the order of {@link BridgeKeys}, then
     * the {@code bridge.ext.} keys that were set; lines are joined with {@code \n}, without a final one.
     */
    public String describeEffective() {
        StringBuilder text = new StringBuilder();
        for (Entry<?> entry : entries.values()) {
            line(text, entry.key().name(), entry.formatted(), entry.origin());
        }
        for (ExtensionEntry entry : extensions.values()) {
            line(text, entry.key(), entry.raw(), entry.origin());
        }
        return text.toString();
    }

    private static void line(StringBuilder text, String key, String value, ValueOrigin origin) {
        if (text.length() > 0) {
            text.append('\n');
        }
        text.append(key).append(" = ").append(value).append(" (").append(origin.describe()).append(')');
    }

    @Override
    public Optional<String> raw(String key) {
        requireNonNull(key, "key is null");
        Entry<?> entry = entries.get(key);
        if (entry != null) {
            return entry.raw();
        }
        if (BridgeKeys.isExtension(key)) {
            return extension(key).map(ExtensionEntry::raw);
        }
        throw UnknownKeys.requested(key);
    }

    @Override
    public String string(String key) {
        return read(key, "a string", EnumSet.of(ValueKind.STRING, ValueKind.CHOICE, ValueKind.PATH),
                Object::toString, Values::nonEmpty);
    }

    @Override
    public int integer(String key) {
        return read(key, "an int", EnumSet.of(ValueKind.INT), Integer.class::cast,
                raw -> (int) Values.wholeNumber(raw, Integer.MIN_VALUE, Integer.MAX_VALUE));
    }

    @Override
    public long longValue(String key) {
        return read(key, "a long", EnumSet.of(ValueKind.INT, ValueKind.SIZE),
                value -> ((Number) value).longValue(),
                raw -> Values.wholeNumber(raw, Long.MIN_VALUE, Long.MAX_VALUE));
    }

    @Override
    public boolean bool(String key) {
        return read(key, "a boolean", EnumSet.of(ValueKind.BOOLEAN), Boolean.class::cast, Values::bool);
    }

    @Override
    public Duration duration(String key) {
        return read(key, "a duration", EnumSet.of(ValueKind.DURATION), Duration.class::cast,
                Values::duration);
    }

    @Override
    public long bytes(String key) {
        return read(key, "a size", EnumSet.of(ValueKind.SIZE), Long.class::cast, Values::size);
    }

    private <R> R read(String key, String wanted, Set<ValueKind> readable, Function<Object, R> convert,
            ConfigKey.Parser<R> extensionParser) {
        requireNonNull(key, "key is null");
        Entry<?> entry = entries.get(key);
        if (entry != null) {
            ValueKind kind = entry.key().kind();
            if (!readable.contains(kind)) {
                throw new ConfigurationException(
                        "Cannot read " + key + " as " + wanted + ": it is " + kind.withArticle());
            }
            Object value = ConfigKey.unwrap(entry.value());
            if (value == null) {
                throw new ConfigurationException("No value for " + key + ": it is unset and has no default");
            }
            return convert.apply(value);
        }
        if (!BridgeKeys.isExtension(key)) {
            throw UnknownKeys.requested(key);
        }
        ExtensionEntry extension = extension(key).orElseThrow(() -> new ConfigurationException("No value for "
                + key + ": it is not set, and keys under " + BridgeKeys.EXT_PREFIX + " have no default"));
        try {
            return extensionParser.parse(extension.raw());
        } catch (InvalidValueException e) {
            throw Problems.invalidValue(key, extension.raw(), extension.origin(), e.reason());
        }
    }

    private Optional<ExtensionEntry> extension(String key) {
        return Optional.ofNullable(extensions.get(BridgeKeys.environmentName(key)));
    }

    private <T> Entry<T> entry(ConfigKey<T> key) {
        requireNonNull(key, "key is null");
        Entry<?> entry = entries.get(key.name());
        if (entry == null || entry.key() != key) {
            throw new IllegalArgumentException(key.name() + " is not a key of BridgeKeys");
        }
        @SuppressWarnings("unchecked") // entry.key() == key, so its value is a T
        Entry<T> typed = (Entry<T>) entry;
        return typed;
    }

    @Override
    public String toString() {
        return "BridgeConfig[" + describeEffective().replace('\n', ',') + "]";
    }
}
