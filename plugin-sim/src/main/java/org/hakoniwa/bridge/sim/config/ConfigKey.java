package org.hakoniwa.bridge.sim.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * One configuration key: its full name, the type of its value, its default and a one-line description.
 * Every key the bridge knows is a constant of {@link BridgeKeys}; this class only describes and parses.
 *
 * <p>Keys that are unset by default (a path, an optional boolean) have an {@code Optional} value type whose
 * default is empty, so {@link BridgeConfig#get} never returns null. Instances are immutable.
 *
 * @param <T> the type of the parsed value
 */
public final class ConfigKey<T> {
    /** Parses one value written by a user; the reason of a failure is phrased for that user. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(String raw) throws InvalidValueException;
    }

    static final String UNSET = "unset";

    private final String name;
    private final ValueKind kind;
    private final boolean optional;
    private final Parser<T> parser;
    private final Function<T, String> formatter;
    private final T defaultValue;
    private final String type;
    private final List<String> allowedValues;
    private final String description;

    private ConfigKey(String name, ValueKind kind, boolean optional, Parser<T> parser, Function<T, String> formatter,
            T defaultValue, String type, List<String> allowedValues, String description) {
        this.name = requireNonNull(name, "name is null");
        this.kind = requireNonNull(kind, "kind is null");
        this.optional = optional;
        this.parser = requireNonNull(parser, "parser is null");
        this.formatter = requireNonNull(formatter, "formatter is null");
        this.defaultValue = requireNonNull(defaultValue, "defaultValue is null");
        this.type = requireNonNull(type, "type is null");
        this.allowedValues = List.copyOf(allowedValues);
        this.description = requireNonNull(description, "description is null");
        if (!name.startsWith("bridge.") || !name.equals(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("key names are lowercase and start with bridge.: " + name);
        }
    }

    static ConfigKey<String> string(String name, String defaultValue, String description) {
        return new ConfigKey<>(name, ValueKind.STRING, false, Values::nonEmpty, Function.identity(), defaultValue,
                "string", List.of(), description);
    }

    static ConfigKey<Integer> integer(String name, int defaultValue, int min, int max, String description) {
        String type = max == Integer.MAX_VALUE ? "int >= " + min : "int " + min + ".." + max;
        return new ConfigKey<>(name, ValueKind.INT, false, raw -> (int) Values.wholeNumber(raw, min, max),
                String::valueOf, defaultValue, type, List.of(), description);
    }

    static ConfigKey<Boolean> bool(String name, boolean defaultValue, String description) {
        return new ConfigKey<>(name, ValueKind.BOOLEAN, false, Values::bool, String::valueOf, defaultValue,
                "boolean", List.of(), description);
    }

    /** A boolean that is unset unless somebody sets it; the reader decides what unset means. */
    static ConfigKey<Optional<Boolean>> optionalBool(String name, String description) {
        return new ConfigKey<>(name, ValueKind.BOOLEAN, true, raw -> Optional.of(Values.bool(raw)),
                value -> value.map(String::valueOf).orElse(UNSET), Optional.empty(), "boolean or unset", List.of(),
                description);
    }

    static ConfigKey<Duration> duration(String name, Duration defaultValue, Duration min, String description) {
        Parser<Duration> parser = raw -> {
            Duration value = Values.duration(raw);
            if (value.compareTo(min) < 0) {
                throw new InvalidValueException("must be at least " + Values.formatDuration(min));
            }
            return value;
        };
        return new ConfigKey<>(name, ValueKind.DURATION, false, parser, Values::formatDuration, defaultValue,
                "duration, e.g. 20s", List.of(), description);
    }

    static ConfigKey<Long> size(String name, long defaultValue, long min, long max, String description) {
        Parser<Long> parser = raw -> {
            long value = Values.size(raw);
            if (value < min) {
                throw new InvalidValueException("must be at least " + Values.formatSize(min));
            }
            if (value > max) {
                throw new InvalidValueException("must be at most " + Values.formatSize(max));
            }
            return value;
        };
        return new ConfigKey<>(name, ValueKind.SIZE, false, parser, Values::formatSize, defaultValue,
                "size, e.g. 64KiB", List.of(), description);
    }

    /** A path that is unset unless somebody sets it. */
    static ConfigKey<Optional<Path>> optionalPath(String name, String description) {
        return new ConfigKey<>(name, ValueKind.PATH, true, raw -> Optional.of(Values.path(raw)),
                value -> value.map(Path::toString).orElse(UNSET), Optional.empty(), "path or unset", List.of(),
                description);
    }

    /** One of a fixed set of words, matched exactly. */
    static ConfigKey<String> choice(String name, String defaultValue, List<String> allowed, String description) {
        if (!allowed.contains(defaultValue)) {
            throw new IllegalArgumentException(name + ": default " + defaultValue + " is not one of " + allowed);
        }
        Parser<String> parser = raw -> {
            String value = raw.trim();
            if (!allowed.contains(value)) {
                throw new InvalidValueException("must be one of " + String.join(", ", allowed));
            }
            return value;
        };
        return new ConfigKey<>(name, ValueKind.CHOICE, false, parser, Function.identity(), defaultValue,
                String.join(" or ", allowed), allowed, description);
    }

    /** A decimal number strictly greater than {@code exclusiveMin}. */
    static ConfigKey<Double> decimal(String name, double defaultValue, double exclusiveMin, String description) {
        Parser<Double> parser = raw -> {
            double value = Values.decimal(raw);
            if (value <= exclusiveMin) {
                throw new InvalidValueException("must be greater than " + Values.formatDecimal(exclusiveMin));
            }
            return value;
        };
        return new ConfigKey<>(name, ValueKind.DECIMAL, false, parser, Values::formatDecimal, defaultValue,
                "number > " + Values.formatDecimal(exclusiveMin), List.of(), description);
    }

    /** The full dotted name, e.g. {@code bridge.max-clients}. */
    public String name() {
        return name;
    }

    /** One line for people: what the key does, and what unset means for keys without a default. */
    public String description() {
        return description;
    }

    /** The value when nobody sets the key; an empty {@code Optional} for keys that are unset by default. */
    public T defaultValue() {
        return defaultValue;
    }

    /** The default as written in the documentation: {@code 16MiB}, {@code 20s}, or {@code unset}. */
    public String defaultText() {
        return formatter.apply(defaultValue);
    }

    /** Whether the key has a value when nobody sets it. */
    public boolean hasDefault() {
        return !optional;
    }

    /** The type as the documentation shows it: {@code int >= 1}, {@code duration}, {@code a or b}. */
    public String type() {
        return type;
    }

    /** The words a choice key accepts; empty for every other key. */
    public List<String> allowedValues() {
        return allowedValues;
    }

    /** The canonical spelling of {@code value} ({@code 16MiB}, {@code 20s}); {@code unset} for an empty one. */
    public String format(T value) {
        return formatter.apply(requireNonNull(value, "value is null"));
    }

    ValueKind kind() {
        return kind;
    }

    T parse(String raw) throws InvalidValueException {
        return parser.parse(requireNonNull(raw, "raw is null"));
    }

    /** The value without its {@code Optional} wrapper, or null when an optional key is unset. */
    static Object unwrap(Object value) {
        return value instanceof Optional ? ((Optional<?>) value).orElse(null) : value;
    }

    @Override
    public String toString() {
        return name;
    }
}
