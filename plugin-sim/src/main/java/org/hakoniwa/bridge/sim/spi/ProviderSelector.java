package org.hakoniwa.bridge.sim.spi;

import static java.util.Objects.requireNonNull;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hakoniwa.bridge.sim.config.BridgeConfig;
import org.hakoniwa.bridge.sim.config.BridgeKeys;
import org.hakoniwa.bridge.sim.config.ConfigKey;
import org.hakoniwa.bridge.sim.config.ConfigurationException;
import org.hakoniwa.bridge.spi.NamedProvider;
import org.hakoniwa.bridge.spi.backpressure.BackpressurePolicyProvider;
import org.hakoniwa.bridge.spi.route.RouteStoreProvider;
import org.hakoniwa.bridge.spi.subscription.SubscriptionStoreProvider;
import org.hakoniwa.bridge.spi.transport.TransportProvider;

/**
 * Finds the providers of an extension point with {@link ServiceLoader} and picks the one the configuration
 * names. It searches every class loader it is given, normally the bridge's own and then one per plugin jar
 * ({@link PluginDirectory#searchPath()}). A plugin loader also sees its parent's providers; a provider class
 * found through several loaders counts once. Two different classes with one name are an error, because
 * which of them runs would depend on the order of the classpath.
 */
public final class ProviderSelector {
    /** The module that ships the built-in providers of each extension point. */
    private static final Map<Class<?>, String> MODULE_HINTS = Map.of(
            TransportProvider.class, "hakoniwa-bridge-transport-jetty",
            SubscriptionStoreProvider.class, "hakoniwa-bridge-protocol-pdu",
            BackpressurePolicyProvider.class, "hakoniwa-bridge-protocol-pdu",
            RouteStoreProvider.class, "hakoniwa-bridge-protocol-rpc");

    private ProviderSelector() {
    }

    /** {@link #select(Class, String, String, List)} with the name that {@code key} has in {@code config}. */
    public static <P extends NamedProvider> P select(Class<P> type, ConfigKey<String> key, BridgeConfig config,
            List<ClassLoader> loaders) {
        return select(type, key.name(), config.get(key), loaders);
    }

    /**
     * The provider of {@code type} named {@code name}.
     *
     * @param configKey the key that names it, for the messages
     * @throws ConfigurationException when there is no provider of {@code type} at all, none named {@code name},
     *     or more than one named {@code name}
     */
    public static <P extends NamedProvider> P select(Class<P> type, String configKey, String name,
            List<ClassLoader> loaders) {
        requireNonNull(configKey, "configKey is null");
        requireNonNull(name, "name is null");
        List<P> providers = all(type, loaders);
        if (providers.isEmpty()) {
            throw new ConfigurationException(noneFound(type, configKey));
        }
        List<P> named = providers.stream().filter(p -> p.name().equals(name)).collect(Collectors.toList());
        if (named.isEmpty()) {
            throw new ConfigurationException("Unrecognized value for " + configKey + ": " + name + " (known: "
                    + String.join(", ", names(providers)) + ")");
        }
        if (named.size() > 1) {
            throw new ConfigurationException(duplicates(type, name, named));
        }
        return named.get(0);
    }

    /**
     * Every provider of {@code type} in {@code loaders}, each class once, in the order found (loader by
     * loader); duplicate names are not checked here.
     */
    public static <P extends NamedProvider> List<P> all(Class<P> type, List<ClassLoader> loaders) {
        requireNonNull(type, "type is null");
        List<ClassLoader> searched = List.copyOf(loaders);
        Set<Class<?>> seen = new HashSet<>();
        List<P> providers = new ArrayList<>();
        try {
            for (ClassLoader loader : searched) {
                Iterator<ServiceLoader.Provider<P>> found = ServiceLoader.load(type, loader).stream().iterator();
                while (found.hasNext()) {
                    ServiceLoader.Provider<P> provider = found.next();
                    if (seen.add(provider.type())) {
                        providers.add(named(type, provider.get()));
                    }
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new ConfigurationException("Cannot load a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
        return providers;
    }

    /** The names of every provider of {@code type}, sorted. */
    public static SortedSet<String> knownNames(Class<? extends NamedProvider> type, List<ClassLoader> loaders) {
        return names(all(type, loaders));
    }

    /** The jar or folder a class was loaded from, or {@code (classpath)} when the JVM does not say. */
    static String location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL url = source == null ? null : source.getLocation();
        if (url == null) {
            return "(classpath)";
        }
        try {
            return Path.of(url.toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
            return url.toString();
        }
    }

    private static <P extends NamedProvider> P named(Class<P> type, P provider) {
        if (provider.name() == null) {
            throw new ConfigurationException(type.getSimpleName() + " " + provider.getClass().getName() + " ("
                    + location(provider.getClass()) + ") has no name: its name() returns null");
        }
        return provider;
    }

    private static SortedSet<String> names(List<? extends NamedProvider> providers) {
        return providers.stream().map(NamedProvider::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String noneFound(Class<?> type, String configKey) {
        String module = MODULE_HINTS.get(type);
        return "No " + type.getSimpleName() + " found for " + configKey + ": "
                + (module == null ? "" : "add the " + module + " module to the classpath, or ")
                + "put a jar with a " + type.getName() + " into " + BridgeKeys.PLUGIN_DIR.name();
    }

    private static String duplicates(Class<?> type, String name, List<? extends NamedProvider> named) {
        List<String> described = named.stream()
                .map(p -> p.getClass().getName() + " (" + location(p.getClass()) + ")")
                .collect(Collectors.toList());
        String listed = String.join(", ", described.subList(0, described.size() - 1)) + " and "
                + described.get(described.size() - 1);
        return (named.size() == 2 ? "Two" : Integer.toString(named.size())) + " " + type.getSimpleName()
                + " implementations are named " + name + ": " + listed + "; remove "
                + (named.size() == 2 ? "one" : "all but one") + " of them from the classpath or plugin directory";
    }
}
