package org.hakoniwa.bridge.sim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTest {
    @ParameterizedTest
    @CsvSource({"100ms, 100", "20s, 20000", "2m, 120000", "1h, 3600000", "0, 0", "0s, 0", "' 5s ', 5000"})
    void duration_wholeNumberWithUnit_parses(String raw, long millis) throws Exception {
        assertEquals(Duration.ofMillis(millis), Values.duration(raw));
    }

    @Test
    void duration_bareNumber_asksForAUnit() {
        assertEquals("a duration needs a unit, e.g. 20s or 100ms", reason(() -> Values.duration("20")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5s", "20S", "20 s", "20sec", "s", "20us", "2d"})
    void duration_otherSpellings_areRefusedWithTheSyntax(String raw) {
        assertEquals("not a duration: write a whole number and a unit ms, s, m or h, e.g. 20s or 100ms",
                reason(() -> Values.duration(raw)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5s", "-20"})
    void duration_negative_isRefused(String raw) {
        assertEquals("must not be negative", reason(() -> Values.duration(raw)));
    }

    @Test
    void duration_beyondLong_isTooLarge() {
        assertEquals("too large", reason(() -> Values.duration("99999999999999999999h")));
        assertEquals("too large", reason(() -> Values.duration("9999999999999999h")));
    }

    @Test
    void duration_empty_isRefused() {
        assertEquals("must not be empty", reason(() -> Values.duration("  ")));
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "100, 100ms", "1500, 1500ms", "20000, 20s", "90000, 90s", "120000, 2m", "7200000, 2h"})
    void formatDuration_usesTheLargestExactUnit(long millis, String expected) {
        assertEquals(expected, Values.formatDuration(Duration.ofMillis(millis)));
    }

    @ParameterizedTest
    @CsvSource({"1024, 1024", "10B, 10", "64KiB, 65536", "16MiB, 16777216", "1GiB, 1073741824", "1KB, 1000",
        "2mb, 2000000", "1GB, 1000000000", "64kib, 65536", "0, 0"})
    void size_bytesOrUnit_parses(String raw, long bytes) throws Exception {
        assertEquals(bytes, Values.size(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 KiB", "12XB", "1.5MiB", "KiB", "1k"})
    void size_otherSpellings_areRefusedWithTheSyntax(String raw) {
        assertEquals("not a size: write a whole number of bytes, optionally with a unit KiB, MiB, GiB (1024-based)"
                + " or KB, MB, GB (1000-based), e.g. 64KiB", reason(() -> Values.size(raw)));
    }

    @Test
    void size_negativeOrHuge_isRefused() {
        assertEquals("must not be negative", reason(() -> Values.size("-1")));
        assertEquals("too large", reason(() -> Values.size("9999999999GiB")));
    }

    @ParameterizedTest
    @CsvSource({"16777216, 16MiB", "1049080, 1049080", "1000, 1000", "65536, 64KiB", "0, 0", "3221225472, 3GiB"})
    void formatSize_usesTheLargestExactBinaryUnit(long bytes, String expected) {
        assertEquals(expected, Values.formatSize(bytes));
    }

    @ParameterizedTest
    @CsvSource({"true, true", "TRUE, true", "False, false", "' false ', false"})
    void bool_trueOrFalseIgnoringCase_parses(String raw, boolean expected) throws Exception {
        assertEquals(expected, Values.bool(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "on", "t"})
    void bool_anythingElse_isRefused(String raw) {
        assertEquals("must be true or false", reason(() -> Values.bool(raw)));
    }

    @Test
    void wholeNumber_checksFormAndRange() throws Exception {
        assertEquals(4, Values.wholeNumber("4", 1, 10));
        assertEquals(4, Values.wholeNumber("+4", 1, 10));
        assertEquals("must be a whole number", reason(() -> Values.wholeNumber("4.0", 1, 10)));
        assertEquals("must be a whole number", reason(() -> Values.wholeNumber("four", 1, 10)));
        assertEquals("must be at least 1", reason(() -> Values.wholeNumber("0", 1, 10)));
        assertEquals("must be at most 65535", reason(() -> Values.wholeNumber("70000", 0, 65535)));
        assertEquals("must be at most 65535", reason(() -> Values.wholeNumber("99999999999999999999", 0, 65535)));
        assertEquals("must be at least 0", reason(() -> Values.wholeNumber("-99999999999999999999", 0, 65535)));
    }

    @ParameterizedTest
    @CsvSource({"10, 10", "2.5, 2.5", ".5, 0.5", "1e2, 100", "0.25, 0.25"})
    void decimal_parses(String raw, double expected) throws Exception {
        assertEquals(expected, Values.decimal(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "1d", "ten", "1,5"})
    void decimal_nonNumbers_areRefused(String raw) {
        assertEquals("must be a number, e.g. 10 or 2.5", reason(() -> Values.decimal(raw)));
    }

    @Test
    void formatDecimal_dropsTrailingZeros() {
        assertEquals("10", Values.formatDecimal(10.0));
        assertEquals("2.5", Values.formatDecimal(2.5));
    }

    @Test
    void path_keepsTheTextAsAPath() throws Exception {
        assertEquals(Path.of("conf/pdu.json"), Values.path(" conf/pdu.json "));
        assertEquals("not a valid path: Nul character not allowed", reason(() -> Values.path("a\0b")));
    }

    private interface Parse {
        Object run() throws InvalidValueException;
    }

    private static String reason(Parse parse) {
        return assertThrows(InvalidValueException.class, parse::run).reason();
    }
}
