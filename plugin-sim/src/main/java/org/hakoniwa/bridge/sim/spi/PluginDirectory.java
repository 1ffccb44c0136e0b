package org.hakoniwa.bridge.sim.spi;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hakoniwa.bridge.sim.config.BridgeConfig;
import org.hakoniwa.bridge.sim.config.BridgeKeys;
import org.hakoniwa.bridge.sim.config.ConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jars of {@code bridge.plugin-dir}, each in a class loader of its own whose parent is the bridge's, so a
 * plugin sees the SPI and its own classes but not the other plugins'. Only {@code *.jar} files directly in the
 * folder count, taken in file-name order. Closing it closes the class loaders: providers created from them must
 * not be used afterwards.
 */
public final class PluginDirectory implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PluginDirectory.class);

    private final ClassLoader parent;
    private final List<Path> jars;
    private final List<URLClassLoader> loaders;

    private PluginDirectory(ClassLoader parent, List<Path> jars, List<URLClassLoader> loaders) {
        this.parent = requireNonNull(parent, "parent is null");
        this.jars = List.copyOf(jars);
        this.loaders = List.copyOf(loaders);
    }

    /** No plugins: for when {@code bridge.plugin-dir} is unset. */
    public static PluginDirectory none() {
        return new PluginDirectory(PluginDirectory.class.getClassLoader(), List.of(), List.of());
    }

    /** The folder of {@code bridge.plugin-dir}, or {@link #none()} when it is unset. */
    public static PluginDirectory fromConfig(BridgeConfig config) {
        return config.get(BridgeKeys.PLUGIN_DIR).map(PluginDirectory::open).orElseGet(PluginDirectory::none);
    }

    /** Opens the jars of {@code dir} with the bridge's class loader as their parent. */
    public static PluginDirectory open(Path dir) {
        return open(dir, PluginDirectory.class.getClassLoader());
    }

    /**
     * Opens the jars of {@code dir} with {@code parent} as their parent loader.
     *
     * @throws ConfigurationException when {@code dir} is no readable folder or one of its jars is not a jar
     */
    public static PluginDirectory open(Path dir, ClassLoader parent) {
        requireNonNull(dir, "dir is null");
        requireNonNull(parent, "parent is null");
        if (!Files.exists(dir)) {
            throw unusable(dir, "no such directory");
        }
        if (!Files.isDirectory(dir)) {
            throw unusable(dir, "not a directory");
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(dir)) {
            jars = files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new ConfigurationException(
                    "Cannot use " + BridgeKeys.PLUGIN_DIR.name() + " " + dir + ": " + e, e);
        }
        List<URLClassLoader> loaders = new ArrayList<>();
        try {
            for (Path jar : jars) {
                loaders.add(loader(jar, parent));
            }
        } catch (ConfigurationException e) {
            closeAll(loaders);
            throw e;
        }
        LOG.info("{} {}: {} plugin jar(s) {}", BridgeKeys.PLUGIN_DIR.name(), dir, jars.size(),
                jars.stream().map(j -> j.getFileName().toString()).collect(Collectors.toList()));
        return new PluginDirectory(parent, jars, loaders);
    }

    private static URLClassLoader loader(Path jar, ClassLoader parent) {
        // URLClassLoader would take a broken file silently and fail later, class by class: check it now.
        try (JarFile file = new JarFile(jar.toFile())) {
            URL url = jar.toUri().toURL();
            LOG.debug("plugin jar {} has {} entries", jar, file.size());
            return new URLClassLoader("plugin " + jar.getFileName(), new URL[] {url}, parent);
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read plugin jar " + jar + " in "
                    + BridgeKeys.PLUGIN_DIR.name() + ": " + (e.getMessage() == null ? e : e.getMessage()), e);
        }
    }

    private static ConfigurationException unusable(Path dir, String reason) {
        return new ConfigurationException("Cannot use " + BridgeKeys.PLUGIN_DIR.name() + " " + dir + ": " + reason);
    }

    /** The jars, in the order of their class loaders. */
    public List<Path> jars() {
        return jars;
    }

    /** One class loader per jar, in the order of {@link #jars()}. */
    public List<ClassLoader> classLoaders() {
        return List.copyOf(loaders);
    }

    /** Where to look for providers: the parent (the bridge's own loader) first, then each plugin's. */
    public List<ClassLoader> searchPath() {
        List<ClassLoader> path = new ArrayList<>();
        path.add(parent);
        path.addAll(loaders);
        return List.copyOf(path);
    }

    @Override
    public void close() {
        closeAll(loaders);
    }

    private static void closeAll(List<URLClassLoader> loaders) {
        for (URLClassLoader loader : loaders) {
            try {
                loader.close();
            } catch (IOException e) {
                LOG.warn("Cannot close the class loader of plugin {}", loader.getName(), e);
            }
        }
    }
}
