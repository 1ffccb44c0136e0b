package org.hakoniwa.bridge.sim.config;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.hakoniwa.bridge.sim.config.BridgeConfig.Entry;
import org.hakoniwa.bridge.sim.config.BridgeConfig.ExtensionEntry;

/**
 * Builds a {@link BridgeConfig} from, lowest precedence first: the defaults, the properties file of
 * {@code --config}, the environment, the system properties and the command line. The caller passes the
 * environment and the system properties in: nothing global is read here, so tests pass maps of their own.
 *
 * <ul>
 *   <li>File: a {@link Properties} file in UTF-8 with keys in full ({@code bridge.max-clients=4}). A relative
 *       path in it is resolved against the file's folder.
 *   <li>Environment: {@code BRIDGE_MAX_CLIENTS} sets {@code bridge.max-clients} (upper case, {@code .} and
 *       {@code -} as {@code _}). Only variables starting with {@code BRIDGE_} are read; an empty one counts as
 *       not set.
 *   <li>System properties: those starting with {@code bridge.}.
 * </ul>
 *
 * Every value of every source is checked, even one that a later source overrides; the first problem stops
 * loading with a {@link ConfigurationException}. Keys under {@code bridge.ext.} pass unchecked.
 */
public final class BridgeConfigLoader {
    private static final String ENVIRONMENT_PREFIX = "BRIDGE_";
    private static final String PROPERTY_PREFIX = "bridge.";

    /**
     * The outcome of {@link #load}.
     *
     * @param helpRequested {@code --help} was given: print {@link CommandLine#usage()} and stop
     * @param config the configuration; empty exactly when help was requested
     */
    public record LoadResult(boolean helpRequested, Optional<BridgeConfig> config) {
        public LoadResult {
            requireNonNull(config, "config is null");
            if (helpRequested == config.isPresent()) {
                throw new IllegalArgumentException("a configuration is loaded exactly when no help is requested");
            }
        }
    }

    private BridgeConfigLoader() {
    }

    /**
     * @param args the command-line arguments after the jar
     * @param environment the process environment, e.g. {@code System.getenv()}
     * @param systemProperties e.g. {@code System.getProperties()}
     * @throws ConfigurationException when anything cannot be used; its message is for the user
     */
    public static LoadResult load(String[] args, Map<String, String> environment, Properties systemProperties) {
        requireNonNull(args, "args is null");
        requireNonNull(environment, "environment is null");
        requireNonNull(systemProperties, "systemProperties is null");
        CommandLine.Arguments arguments = CommandLine.parse(Arrays.asList(args));
        if (arguments.helpRequested()) {
            return new LoadResult(true, Optional.empty());
        }
        List<Setting> settings = new ArrayList<>();
        Optional<Path> file = arguments.configFile().map(path -> path.toAbsolutePath().normalize());
        file.ifPresent(path -> settings.addAll(fromFile(path)));
        settings.addAll(fromEnvironment(environment));
        settings.addAll(fromSystemProperties(systemProperties));
        settings.addAll(arguments.settings());

        Map<String, Entry<?>> set = new HashMap<>();
        Map<String, ExtensionEntry> extensions = new HashMap<>();
        for (Setting setting : settings) {
            Optional<ConfigKey<?>> key = BridgeKeys.byName(setting.key());
            if (key.isPresent()) {
                Path base = setting.origin().source() == ConfigSource.FILE ? file.orElseThrow().getParent() : null;
                set.put(setting.key(), entry(key.get(), setting, base));
            } else if (BridgeKeys.isExtension(setting.key())) {
                extensions.put(BridgeKeys.environmentName(setting.key()),
                        new ExtensionEntry(setting.key(), setting.value().trim(), setting.origin()));
            } else {
                throw UnknownKeys.error(setting.key(), setting.origin());
            }
        }
        BridgeConfig config = new BridgeConfig(set, extensions);
        Consistency.check(config);
        return new LoadResult(false, Optional.of(config));
    }

    /** Parses one value; a relative path from a file is resolved against {@code base}, the file's folder. */
    private static <T> Entry<T> entry(ConfigKey<T> key, Setting setting, Path base) {
        String raw = setting.value().trim();
        try {
            T value = key.parse(raw);
            if (base != null && key.kind() == ValueKind.PATH) {
                value = key.parse(base.resolve(raw).normalize().toString());
            }
            return new Entry<>(key, value, Optional.of(raw), setting.origin());
        } catch (InvalidValueException e) {
            throw Problems.invalidValue(key.name(), setting.value(), setting.origin(), e.reason());
        }
    }

    private static List<Setting> fromFile(Path file) {
        Properties properties = new Properties();
        ValueOrigin origin = ValueOrigin.file(file.toString());
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw unreadable(file, "no such file", e);
        } catch (CharacterCodingException e) {
            throw unreadable(file, "it is not UTF-8 text", e);
        } catch (IOException e) {
            throw unreadable(file, e.toString(), e);
        } catch (IllegalArgumentException e) {
            throw unreadable(file, e.getMessage(), e);
        }
        List<Setting> settings = new ArrayList<>();
        for (String key : new TreeMap<>(toMap(properties)).keySet()) {
            settings.add(new Setting(key, properties.getProperty(key), origin));
        }
        return settings;
    }

    private static ConfigurationException unreadable(Path file, String reason, Exception cause) {
        return new ConfigurationException(
                "Cannot read configuration file " + file + " (from command line --config): " + reason, cause);
    }

    private static Map<String, String> toMap(Properties properties) {
        Map<String, String> map = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            map.put(name, properties.getProperty(name));
        }
        return map;
    }

    private static List<Setting> fromEnvironment(Map<String, String> environment) {
        Map<String, String> keyByVariable = new HashMap<>();
        for (ConfigKey<?> key : BridgeKeys.all()) {
            keyByVariable.put(BridgeKeys.environmentName(key.name()), key.name());
        }
        List<Setting> settings = new ArrayList<>();
        for (Map.Entry<String, String> variable : new TreeMap<>(environment).entrySet()) {
            String name = variable.getKey();
            String value = variable.getValue();
            if (!name.startsWith(ENVIRONMENT_PREFIX) || value == null || value.isEmpty()) {
                continue;
            }
            String key = keyByVariable.get(name);
            if (key == null) {
                key = UnknownKeys.keyOfVariable(name);
                if (!BridgeKeys.isExtension(key)) {
                    throw UnknownKeys.environmentError(name);
                }
            }
            settings.add(new Setting(key, value, ValueOrigin.environment(name)));
        }
        return settings;
    }

    private static List<Setting> fromSystemProperties(Properties systemProperties) {
        List<Setting> settings = new ArrayList<>();
        for (Map.Entry<String, String> property : new TreeMap<>(toMap(systemProperties)).entrySet()) {
            if (property.getKey().startsWith(PROPERTY_PREFIX)) {
                settings.add(new Setting(property.getKey(), property.getValue(),
                        ValueOrigin.systemProperty(property.getKey())));
            }
        }
        return settings;
    }
}
