package org.hakoniwa.bridge.bench.common;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One line of the control channel between the harness and a server JVM: a status word ({@code OK}, {@code ERR},
 * {@code READY}, {@code FAILED}) and {@code key=value} fields. Values never contain spaces (they are replaced by
 * {@code _}); an {@code ERR} or {@code FAILED} line carries free text instead of fields.
 */
public record ControlReply(String status, Map<String, String> fields, String text) {
    private static final Set<String> STATUSES = Set.of("OK", "ERR", "READY", "FAILED");

    public ControlReply {
        requireNonNull(status, "status is null");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        requireNonNull(text, "text is null");
    }

    /** Whether a line is a control reply rather than something else the JVM printed. */
    public static boolean isReply(String line) {
        String status = line.strip().split("\\s+", 2)[0];
        return STATUSES.contains(status);
    }

    /** Parses a line; free text follows {@code ERR} and {@code FAILED}. */
    public static ControlReply parse(String line) {
        requireNonNull(line, "line is null");
        String trimmed = line.strip();
        int space = trimmed.indexOf(' ');
        String status = space < 0 ? trimmed : trimmed.substring(0, space);
        String rest = space < 0 ? "" : trimmed.substring(space + 1).strip();
        if (status.equals("ERR") || status.equals("FAILED")) {
            return new ControlReply(status, Map.of(), rest);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        if (!rest.isEmpty()) {
            for (String field : rest.split("\\s+")) {
                int equals = field.indexOf('=');
                if (equals <= 0) {
                    throw new IllegalArgumentException("malformed control field '" + field + "' in: " + line);
                }
                fields.put(field.substring(0, equals), field.substring(equals + 1));
            }
        }
        return new ControlReply(status, fields, "");
    }

    /** Formats a line with fields; spaces in values become {@code _}. */
    public static String format(String status, Map<String, ?> fields) {
        StringBuilder line = new StringBuilder(status);
        fields.forEach((key, value) -> line.append(' ').append(key).append('=')
                .append(String.valueOf(value).replace(' ', '_')));
        return line.toString();
    }

    public boolean ok() {
        return status.equals("OK") || status.equals("READY");
    }

    public long longField(String key) {
        String value = fields.get(key);
        if (value == null) {
            throw new IllegalStateException("the server's reply has no " + key + ": " + this);
        }
        return Long.parseLong(value);
    }

    @Override
    public String toString() {
        return text.isEmpty() ? format(status, fields) : status + " " + text;
    }
}
