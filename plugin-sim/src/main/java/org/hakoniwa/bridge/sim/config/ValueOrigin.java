package org.hakoniwa.bridge.sim.config;

import static java.util.Objects.requireNonNull;

/**
 * Where exactly one value came from.
 *
 * @param source the kind of source
 * @param detail what within it: the file's path ({@link ConfigSource#FILE}), the variable's name
 *     ({@code BRIDGE_MAX_CLIENTS}), the property as written ({@code -Dbridge.max-clients}), the option
 *     ({@code --max-clients}, {@code --set}); empty for {@link ConfigSource#DEFAULT}
 */
public record ValueOrigin(ConfigSource source, String detail) {
    public static final ValueOrigin DEFAULT = new ValueOrigin(ConfigSource.DEFAULT, "");

    public ValueOrigin {
        requireNonNull(source, "source is null");
        requireNonNull(detail, "detail is null");
    }

    static ValueOrigin file(String path) {
        return new ValueOrigin(ConfigSource.FILE, path);
    }

    static ValueOrigin environment(String variable) {
        return new ValueOrigin(ConfigSource.ENVIRONMENT, variable);
    }

    static ValueOrigin systemProperty(String property) {
        return new ValueOrigin(ConfigSource.SYSTEM_PROPERTY, "-D" + property);
    }

    static ValueOrigin commandLine(String option) {
        return new ValueOrigin(ConfigSource.COMMAND_LINE, option);
    }

    /** {@code default}, {@code file /etc/bridge.properties}, {@code environment variable BRIDGE_PORT}, … */
    public String describe() {
        switch (source) {
            case DEFAULT:
                return "default";
            case FILE:
                return "file " + detail;
            case ENVIRONMENT:
                return "environment variable " + detail;
            case SYSTEM_PROPERTY:
                return "system property " + detail;
            default:
                return "command line " + detail;
        }
    }

    /** {@code (default)} or {@code (from file /etc/bridge.properties)}: how messages cite a value. */
    String cited() {
        return source == ConfigSource.DEFAULT ? "(default)" : "(from " + describe() + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
