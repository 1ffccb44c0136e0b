package org.hakoniwa.bridge.sim.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The error for a key the bridge does not define, with the closest known key as a suggestion. */
final class UnknownKeys {
    private static final String PREFIX = "bridge.";
    private static final String ENVIRONMENT_PREFIX = "BRIDGE_";
    private static final String NO_SUGGESTION = "; see --help for the known keys";

    private UnknownKeys() {
    }

    /** {@code Unknown configuration key bridge.x (from …); did you mean bridge.y?} */
    static ConfigurationException error(String key, ValueOrigin origin) {
        return new ConfigurationException("Unknown configuration key " + key + " " + origin.cited()
                + suggestion(key).map(s -> "; did you mean " + s + "?").orElse(NO_SUGGESTION));
    }

    /** The same for a key a provider asked for: no source to cite, and a hint about {@code bridge.ext.}. */
    static ConfigurationException requested(String key) {
        return new ConfigurationException("Unknown configuration key " + key + suggestion(key)
                .map(s -> "; did you mean " + s + "?")
                .orElse("; keys of custom providers go under " + BridgeKeys.EXT_PREFIX));
    }

    /**
     * The same for an environment variable {@code BRIDGE_…} that maps to no key. Underscores cannot tell
     * {@code .} from {@code -}, so the key is shown as a best guess and the suggestion is found by comparing
     * variable names.
     */
    static ConfigurationException environmentError(String variable) {
        Map<String, String> keyByVariable = new LinkedHashMap<>();
        for (ConfigKey<?> key : BridgeKeys.all()) {
            keyByVariable.put(BridgeKeys.environmentName(key.name()), key.name());
        }
        Optional<String> suggestion = Suggestions.closest(variable, keyByVariable.keySet()).map(keyByVariable::get);
        return new ConfigurationException("Unknown configuration key " + keyOfVariable(variable) + " "
                + ValueOrigin.environment(variable).cited()
                + suggestion.map(s -> "; did you mean " + s + "?").orElse(NO_SUGGESTION));
    }

    static Optional<String> suggestion(String key) {
        if (!key.startsWith(PREFIX) && BridgeKeys.byName(PREFIX + key).isPresent()) {
            return Optional.of(PREFIX + key);
        }
        List<String> names = new ArrayList<>();
        BridgeKeys.all().forEach(k -> names.add(k.name()));
        return Suggestions.closest(key, names);
    }

    /**
     * {@code BRIDGE_BACKPRESSURE_QUEUE_DEPHT} → {@code bridge.backpressure.queue-depht}: a known group
     * ({@code backpressure}, {@code pdu}, {@code ext}, …) is followed by a dot, every other underscore is a dash.
     */
    static String keyOfVariable(String variable) {
        String rest = variable.substring(ENVIRONMENT_PREFIX.length()).toLowerCase(Locale.ROOT);
        int underscore = rest.indexOf('_');
        if (underscore > 0 && groups().contains(rest.substring(0, underscore))) {
            return PREFIX + rest.substring(0, underscore) + "." + rest.substring(underscore + 1).replace('_', '-');
        }
        return PREFIX + rest.replace('_', '-');
    }

    private static Set<String> groups() {
        Set<String> groups = new TreeSet<>();
        groups.add("ext");
        for (ConfigKey<?> key : BridgeKeys.all()) {
            String rest = key.name().substring(PREFIX.length());
            int dot = rest.indexOf('.');
            if (dot > 0) {
                groups.add(rest.substring(0, dot));
            }
        }
        return groups;
    }
}
