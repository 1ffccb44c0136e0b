package org.hakoniwa.bridge.sim.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bridge's command line (the arguments after the jar). Every key is an option named after it without
 * {@code bridge.} ({@code --port 9090}, {@code --port=9090}, {@code --backpressure.policy drop-oldest}); a
 * boolean option alone means true. Besides those: {@code --config FILE}, {@code --set KEY=VALUE},
 * {@code -DKEY=VALUE}, {@code --multi-client}, {@code --publish-hz HZ} and {@code --help}.
 */
public final class CommandLine {
    private static final String PREFIX = "bridge.";
    private static final String CONFIG = "config";
    private static final String SET = "set";
    private static final String MULTI_CLIENT = "multi-client";
    private static final String PUBLISH_HZ = "publish-hz";
    private static final String HELP = "help";

    /**
     * What the arguments asked for, their settings still unchecked.
     *
     * @param helpRequested {@code --help} or {@code -h} was given; nothing else was parsed
     * @param configFile the file of {@code --config}
     * @param settings the values in the order given
     */
    record Arguments(boolean helpRequested, Optional<Path> configFile, List<Setting> settings) {
        Arguments {
            requireNonNull(configFile, "configFile is null");
            settings = List.copyOf(settings);
        }
    }

    private CommandLine() {
    }

    static Arguments parse(List<String> args) {
        if (args.contains("--" + HELP) || args.contains("-h")) {
            return new Arguments(true, Optional.empty(), List.of());
        }
        Optional<Path> configFile = Optional.empty();
        List<Setting> settings = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = requireNonNull(args.get(i), "argument is null");
            if (arg.startsWith("-D")) {
                String property = arg.substring(2);
                settings.add(assignment(property, "-D" + property.split("=", 2)[0], arg, "-Dbridge.max-clients=4"));
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new ConfigurationException("Unexpected command-line argument " + arg
                        + ": options start with -- (see --help)");
            }
            int equals = arg.indexOf('=');
            String option = equals < 0 ? arg : arg.substring(0, equals);
            String inline = equals < 0 ? null : arg.substring(equals + 1);
            String name = option.substring(2);
            if (name.equals(MULTI_CLIENT)) {
                if (inline != null) {
                    throw new ConfigurationException("Option " + option + " takes no value; use --set "
                            + BridgeKeys.MULTI_CLIENT_ENABLED.name() + "=" + inline + " instead");
                }
                settings.add(new Setting(BridgeKeys.MULTI_CLIENT_ENABLED.name(), "true",
                        ValueOrigin.commandLine(option)));
                continue;
            }
            Optional<ConfigKey<?>> key = name.equals(PUBLISH_HZ)
                    ? Optional.of(BridgeKeys.DEMO_PUBLISH_HZ)
                    : BridgeKeys.byName(PREFIX + name);
            boolean flag = key.isPresent() && key.get().kind() == ValueKind.BOOLEAN;
            if (!name.equals(CONFIG) && !name.equals(SET) && key.isEmpty() && !BridgeKeys.isExtension(PREFIX + name)) {
                throw unknownOption(option);
            }
            String value;
            if (inline != null) {
                value = inline;
            } else if (flag) {
                value = "true";
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                throw new ConfigurationException("Option " + option + " needs a value (see --help)");
            }
            if (name.equals(CONFIG)) {
                if (configFile.isPresent()) {
                    throw new ConfigurationException("Option --config is given twice; give one file");
                }
                try {
                    configFile = Optional.of(Path.of(value));
                } catch (InvalidPathException e) {
                    throw new ConfigurationException("Option --config needs a file: " + e.getMessage(), e);
                }
            } else if (name.equals(SET)) {
                settings.add(assignment(value, option, option + " " + value, "--set bridge.max-clients=4"));
            } else {
                settings.add(new Setting(key.map(ConfigKey::name).orElse(PREFIX + name), value,
                        ValueOrigin.commandLine(option)));
            }
        }
        return new Arguments(false, configFile, settings);
    }

    /** {@code key=value} of {@code --set} or {@code -D}. */
    private static Setting assignment(String text, String option, String asWritten, String example) {
        int equals = text.indexOf('=');
        if (equals <= 0) {
            throw new ConfigurationException(
                    "Command-line argument " + asWritten + " needs the form KEY=VALUE, e.g. " + example);
        }
        return new Setting(text.substring(0, equals), text.substring(equals + 1), ValueOrigin.commandLine(option));
    }

    private static ConfigurationException unknownOption(String option) {
        String name = option.substring(2);
        List<String> options = new ArrayList<>(List.of(CONFIG, SET, MULTI_CLIENT, PUBLISH_HZ, HELP));
        BridgeKeys.all().forEach(key -> options.add(key.name().substring(PREFIX.length())));
        Optional<String> suggestion = Suggestions.closest(
                name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : name, options);
        return new ConfigurationException("Unknown command-line option " + option
                + suggestion.map(s -> "; did you mean --" + s + "?").orElse("; see --help for the options"));
    }

    /** The text of {@code --help}, with every key, its type, default and description. */
    public static String usage() {
        StringBuilder text = new StringBuilder();
        text.append("Usage: java -jar hakoniwa-bridge-plugin-sim.jar [options]\n\n")
                .append("Options:\n")
                .append("  --config FILE      read a properties file, keys in full (bridge.max-clients=4)\n")
                .append("  --set KEY=VALUE    set any key, e.g. --set bridge.ping-interval=5s\n")
                .append("  -DKEY=VALUE        the same as --set KEY=VALUE\n")
                .append("  --multi-client     the same as --multi-client-enabled=true\n")
                .append("  --publish-hz HZ    the same as --demo.publish-hz HZ\n")
                .append("  --help, -h         print this text and exit\n\n")
                .append("Every key is also an option without its bridge. prefix: --port 9090 or --port=9090 sets\n")
                .append("bridge.port. A boolean option alone means true; --permessage-deflate=false sets false.\n\n")
                .append("Values: durations 100ms, 20s, 2m, 1h (a bare 0 is allowed); sizes in bytes, or with\n")
                .append("KiB, MiB, GiB (1024-based) or KB, MB, GB (1000-based), e.g. 64KiB; booleans true or\n")
                .append("false.\n\n")
                .append("Sources, lowest precedence first: defaults, the --config file, environment variables\n")
                .append("(BRIDGE_MAX_CLIENTS sets bridge.max-clients), -Dbridge.* system properties, the command\n")
                .append("line. Keys under ").append(BridgeKeys.EXT_PREFIX)
                .append(" are passed to custom providers unchecked.\n\n")
                .append("Keys:\n");
        for (ConfigKey<?> key : BridgeKeys.all()) {
            text.append("  ").append(key.name()).append(" (").append(key.type()).append(", default ")
                    .append(key.defaultText()).append(")\n")
                    .append("      ").append(key.description()).append('\n');
        }
        return text.toString();
    }
}
