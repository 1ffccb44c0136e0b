package org.hakoniwa.bridge.sim.config;

import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Syntax of configuration values, shared by every key and by keys under {@code bridge.ext.}.
 *
 * <ul>
 *   <li>durations: a whole number and a unit {@code ms}, {@code s}, {@code m} or {@code h} ({@code 100ms},
 *       {@code 20s}, {@code 2m}, {@code 1h}); a bare {@code 0} is allowed, any other bare number is refused
 *       because its unit would be a guess;
 *   <li>sizes: a whole number of bytes, optionally with a unit: {@code KiB}, {@code MiB}, {@code GiB} are
 *       1024-based, {@code KB}, {@code MB}, {@code GB} 1000-based, {@code B} is bytes; units ignore case;
 *   <li>booleans: {@code true} or {@code false}, ignoring case; nothing else;
 *   <li>ints: decimal whole numbers; numbers: decimals such as {@code 10} or {@code 2.5}.
 * </ul>
 *
 * Values are trimmed first; an empty value is refused.
 */
final class Values {
    static final String DURATION_HINT = "e.g. 20s or 100ms";

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)([a-zA-Z]*)");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d+");
    private static final long KIB = 1024;
    private static final long MIB = KIB * 1024;
    private static final long GIB = MIB * 1024;

    private Values() {
    }

    static String nonEmpty(String raw) throws InvalidValueException {
        String value = raw.trim();
        if (value.isEmpty()) {
            throw new InvalidValueException("must not be empty");
        }
        return value;
    }

    static long wholeNumber(String raw, long min, long max) throws InvalidValueException {
        String value = nonEmpty(raw);
        if (!WHOLE_NUMBER.matcher(value).matches()) {
            throw new InvalidValueException("must be a whole number");
        }
        long number;
        try {
            number = Long.parseLong(value);
        } catch (NumberFormatException e) {
            number = value.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        if (number < min) {
            throw new InvalidValueException("must be at least " + min);
        }
        if (number > max) {
            throw new InvalidValueException("must be at most " + max);
        }
        return number;
    }

    static boolean bool(String raw) throws InvalidValueException {
        String value = nonEmpty(raw).toLowerCase(Locale.ROOT);
        if (value.equals("true")) {
            return true;
        }
        if (value.equals("false")) {
            return false;
        }
        throw new InvalidValueException("must be true or false");
    }

    static Duration duration(String raw) throws InvalidValueException {
        String value = nonEmpty(raw);
        if (value.equals("0")) {
            return Duration.ZERO;
        }
        if (WHOLE_NUMBER.matcher(value).matches()) {
            throw new InvalidValueException(
                    value.startsWith("-") ? "must not be negative" : "a duration needs a unit, " + DURATION_HINT);
        }
        if (value.startsWith("-")) {
            throw new InvalidValueException("must not be negative");
        }
        Matcher m = DURATION.matcher(value);
        if (!m.matches()) {
            throw new InvalidValueException(
                    "not a duration: write a whole number and a unit ms, s, m or h, " + DURATION_HINT);
        }
        try {
            long amount = Long.parseLong(m.group(1));
            switch (m.group(2)) {
                case "ms":
                    return Duration.ofMillis(amount);
                case "s":
                    return Duration.ofSeconds(amount);
                case "m":
                    return Duration.ofMinutes(amount);
                default:
                    return Duration.ofHours(amount);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidValueException("too large");
        }
    }

    static String formatDuration(Duration duration) {
        if (duration.isZero()) {
            return "0";
        }
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }

    static long size(String raw) throws InvalidValueException {
        String value = nonEmpty(raw);
        if (value.startsWith("-")) {
            throw new InvalidValueException("must not be negative");
        }
        Matcher m = SIZE.matcher(value);
        long unit = m.matches() ? sizeUnit(m.group(2)) : -1;
        if (unit < 0) {
            throw new InvalidValueException("not a size: write a whole number of bytes, optionally with a unit"
                    + " KiB, MiB, GiB (1024-based) or KB, MB, GB (1000-based), e.g. 64KiB");
        }
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidValueException("too large");
        }
    }

    private static long sizeUnit(String unit) {
        switch (unit.toLowerCase(Locale.ROOT)) {
            case "":
            case "b":
                return 1;
            case "kib":
                return KIB;
            case "mib":
                return MIB;
            case "gib":
                return GIB;
            case "kb":
                return 1000;
            case "mb":
                return 1000_000;
            case "gb":
                return 1000_000_000;
            default:
                return -1;
        }
    }

    /** The shortest exact spelling with a 1024-based unit ({@code 16MiB}), else plain bytes. */
    static String formatSize(long bytes) {
        if (bytes != 0 && bytes % GIB == 0) {
            return bytes / GIB + "GiB";
        }
        if (bytes != 0 && bytes % MIB == 0) {
            return bytes / MIB + "MiB";
        }
        if (bytes != 0 && bytes % KIB == 0) {
            return bytes / KIB + "KiB";
        }
        return Long.toString(bytes);
    }

    static double decimal(String raw) throws InvalidValueException {
        String value = nonEmpty(raw);
        double number;
        try {
            number = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            number = Double.NaN;
        }
        // parseDouble also takes "NaN", "Infinity" and "1d"; none of them is a number a user means.
        if (!Double.isFinite(number) || !value.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            throw new InvalidValueException("must be a number, e.g. 10 or 2.5");
        }
        return number;
    }

    static String formatDecimal(double number) {
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }

    static Path path(String raw) throws InvalidValueException {
        String value = nonEmpty(raw);
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new InvalidValueException("not a valid path: " + e.getReason());
        }
    }
}
