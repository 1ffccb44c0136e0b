package org.hakoniwa.bridge.sim.spi;

import static org.hakoniwa.bridge.sim.spi.TestProviders.policyJar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.hakoniwa.bridge.sim.config.BridgeConfig;
import org.hakoniwa.bridge.sim.config.BridgeConfigLoader;
import org.hakoniwa.bridge.sim.config.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void open_takesOnlyTheJarsDirectlyInTheFolder_inNameOrder() throws Exception {
        Path b = policyJar(dir, "b.jar", "com.example.B", "b");
        Path a = policyJar(dir, "a.jar", "com.example.A", "a");
        Files.writeString(dir.resolve("notes.txt"), "not a jar");
        policyJar(Files.createDirectory(dir.resolve("sub")), "c.jar", "com.example.C", "c");

        try (PluginDirectory plugins = PluginDirectory.open(dir)) {
            assertEquals(List.of(a, b), plugins.jars());
            assertEquals(2, plugins.classLoaders().size());
            assertSame(PluginDirectory.class.getClassLoader(), plugins.classLoaders().get(0).getParent());
            assertEquals(3, plugins.searchPath().size());
            assertSame(PluginDirectory.class.getClassLoader(), plugins.searchPath().get(0));
        }
    }

    @Test
    void open_emptyFolder_hasNoJars() {
        try (PluginDirectory plugins = PluginDirectory.open(dir)) {
            assertEquals(List.of(), plugins.classLoaders());
        }
    }

    @Test
    void open_missingFolder_namesTheKeyAndThePath() {
        Path missing = dir.resolve("missing");

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> PluginDirectory.open(missing));

        assertEquals("Cannot use bridge.plugin-dir " + missing + ": no such directory", e.getMessage());
    }

    @Test
    void open_aFileInsteadOfAFolder_namesTheKeyAndThePath() throws Exception {
        Path file = Files.writeString(dir.resolve("plugins.txt"), "x");

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> PluginDirectory.open(file));

        assertEquals("Cannot use bridge.plugin-dir " + file + ": not a directory", e.getMessage());
    }

    @Test
    void open_corruptJar_namesTheJar() throws Exception {
        policyJar(dir, "a-good.jar", "com.example.Good", "good");
        Path broken = Files.writeString(dir.resolve("broken.jar"), "this is not a zip file");

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> PluginDirectory.open(dir));

        assertTrue(e.getMessage().startsWith("Cannot read plugin jar " + broken + " in bridge.plugin-dir: "),
                e.getMessage());
    }

    @Test
    void close_closesThePluginClassLoaders() throws Exception {
        policyJar(dir, "a.jar", "com.example.A", "a");
        PluginDirectory plugins = PluginDirectory.open(dir);
        ClassLoader loader = plugins.classLoaders().get(0);

        plugins.close();

        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.example.A", false, loader));
    }

    @Test
    void fromConfig_pluginDirUnset_hasNoJars() {
        try (PluginDirectory plugins = PluginDirectory.fromConfig(BridgeConfig.defaults())) {
            assertEquals(List.of(), plugins.jars());
            assertEquals(1, plugins.searchPath().size());
        }
    }

    @Test
    void fromConfig_pluginDirSet_opensThatFolder() {
        Path jar = policyJar(dir, "a.jar", "com.example.A", "a");
        BridgeConfig config = BridgeConfigLoader.load(new String[] {"--plugin-dir", dir.toString()}, Map.of(),
                new Properties()).config().orElseThrow();

        try (PluginDirectory plugins = PluginDirectory.fromConfig(config)) {
            assertEquals(List.of(jar), plugins.jars());
        }
    }
}
