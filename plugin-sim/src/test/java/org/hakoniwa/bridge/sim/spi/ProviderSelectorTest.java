package org.hakoniwa.bridge.sim.spi;

import static org.hakoniwa.bridge.sim.spi.TestProviders.policyJar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.hakoniwa.bridge.sim.config.BridgeConfig;
import org.hakoniwa.bridge.sim.config.BridgeConfigLoader;
import org.hakoniwa.bridge.sim.config.BridgeKeys;
import org.hakoniwa.bridge.sim.config.ConfigurationException;
import org.hakoniwa.bridge.spi.NamedProvider;
import org.hakoniwa.bridge.spi.backpressure.BackpressurePolicyProvider;
import org.hakoniwa.bridge.spi.route.RouteStoreProvider;
import org.hakoniwa.bridge.spi.subscription.SubscriptionStoreProvider;
import org.hakoniwa.bridge.spi.transport.TransportProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProviderSelectorTest {
    private static final String POLICY_KEY = "bridge.backpressure.policy";

    @TempDir
    Path tmp;

    private Path plugins;

    @BeforeEach
    void createPluginFolder() throws Exception {
        plugins = Files.createDirectory(tmp.resolve("plugins"));
    }

    @Test
    void select_providerInPluginJar_isFoundByNameThroughItsOwnClassLoader() {
        policyJar(plugins, "always-drop.jar", "com.example.drop.AlwaysDropProvider", "always-drop");

        try (PluginDirectory directory = PluginDirectory.open(plugins)) {
            BackpressurePolicyProvider provider = ProviderSelector.select(BackpressurePolicyProvider.class,
                    POLICY_KEY, "always-drop", directory.searchPath());

            assertEquals("com.example.drop.AlwaysDropProvider", provider.getClass().getName());
            assertSame(directory.classLoaders().get(0), provider.getClass().getClassLoader());
        }
    }

    @Test
    void select_byConfigKey_takesTheConfiguredName() {
        policyJar(plugins, "always-drop.jar", "com.example.drop.AlwaysDropProvider", "always-drop");
        BridgeConfig config = BridgeConfigLoader.load(new String[] {"--backpressure.policy", "always-drop"},
                Map.of(), new Properties()).config().orElseThrow();

        try (PluginDirectory directory = PluginDirectory.open(plugins)) {
            BackpressurePolicyProvider provider = ProviderSelector.select(BackpressurePolicyProvider.class,
                    BridgeKeys.BACKPRESSURE_POLICY, config, directory.searchPath());

            assertEquals("always-drop", provider.name());
        }
    }

    @Test
    void select_twoProvidersWithOneName_namesBothClassesAndJars() {
        Path first = policyJar(plugins, "a.jar", "com.example.a.AlwaysDrop", "always-drop");
        Path second = policyJar(plugins, "b.jar", "com.example.b.AlwaysDrop", "always-drop");

        try (PluginDirectory directory = PluginDirectory.open(plugins, TestJars.withoutClasspathServices())) {
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> ProviderSelector.select(
                    BackpressurePolicyProvider.class, POLICY_KEY, "always-drop", directory.searchPath()));

            assertEquals("Two BackpressurePolicyProvider implementations are named always-drop: "
                    + "com.example.a.AlwaysDrop (" + first + ") and com.example.b.AlwaysDrop (" + second + "); "
                    + "remove one of them from the classpath or plugin directory", e.getMessage());
        }
    }

    @Test
    void select_unknownName_listsTheKnownNamesSorted() {
        policyJar(plugins, "a.jar", "com.example.NeverDrop", "never-drop");
        policyJar(plugins, "b.jar", "com.example.AlwaysDrop", "always-drop");

        try (PluginDirectory directory = PluginDirectory.open(plugins, TestJars.withoutClasspathServices())) {
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> ProviderSelector.select(
                    BackpressurePolicyProvider.class, POLICY_KEY, "foo", directory.searchPath()));

            assertEquals("Unrecognized value for bridge.backpressure.policy: foo (known: always-drop, never-drop)",
                    e.getMessage());
        }
    }

    static Stream<Arguments> extensionPoints() {
        return Stream.of(
                Arguments.of(TransportProvider.class, "bridge.transport", "hakoniwa-bridge-transport-jetty"),
                Arguments.of(SubscriptionStoreProvider.class, "bridge.subscription-store",
                        "hakoniwa-bridge-protocol-pdu"),
                Arguments.of(RouteStoreProvider.class, "bridge.route-store", "hakoniwa-bridge-protocol-rpc"),
                Arguments.of(BackpressurePolicyProvider.class, POLICY_KEY, "hakoniwa-bridge-protocol-pdu"));
    }

    @ParameterizedTest
    @MethodSource("extensionPoints")
    void select_noProviderAtAll_namesTheModuleAndThePluginDirectory(Class<? extends NamedProvider> type,
            String key, String module) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ProviderSelector.select(
                type, key, "anything", List.of(TestJars.withoutClasspathServices())));

        assertEquals("No " + type.getSimpleName() + " found for " + key + ": add the " + module
                + " module to the classpath, or put a jar with a " + type.getName() + " into bridge.plugin-dir",
                e.getMessage());
    }

    @Test
    void select_noTransportAtAll_saysWhatToAdd() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ProviderSelector.select(
                TransportProvider.class, "bridge.transport", "jetty", List.of(TestJars.withoutClasspathServices())));

        assertEquals("No TransportProvider found for bridge.transport: add the hakoniwa-bridge-transport-jetty"
                + " module to the classpath, or put a jar with a org.hakoniwa.bridge.spi.transport.TransportProvider"
                + " into bridge.plugin-dir", e.getMessage());
    }

    @Test
    void all_providerSeenThroughParentAndPluginLoader_countsOnce() throws Exception {
        Path application = Files.createDirectory(tmp.resolve("application"));
        Path shared = policyJar(application, "shared.jar", "com.example.Shared", "shared");
        Files.copy(shared, plugins.resolve("shared-copy.jar"));
        policyJar(plugins, "own.jar", "com.example.Own", "own");

        try (URLClassLoader applicationLoader = new URLClassLoader(new URL[] {shared.toUri().toURL()},
                        TestJars.withoutClasspathServices());
                PluginDirectory directory = PluginDirectory.open(plugins, applicationLoader)) {
            List<BackpressurePolicyProvider> all =
                    ProviderSelector.all(BackpressurePolicyProvider.class, directory.searchPath());

            assertEquals(List.of("shared", "own"), all.stream().map(NamedProvider::name).toList());
            assertSame(applicationLoader, all.get(0).getClass().getClassLoader());
            assertEquals(Set.of("own", "shared"),
                    ProviderSelector.knownNames(BackpressurePolicyProvider.class, directory.searchPath()));
        }
    }

    @Test
    void all_servicesFileNamesAClassThatIsNoProvider_reportsTheClass() {
        TestJars.buildProviderJar(plugins, "broken.jar", "com.example.NotAProvider", TestProviders.POLICY_INTERFACE,
                "package com.example; public final class NotAProvider {}");

        try (PluginDirectory directory = PluginDirectory.open(plugins, TestJars.withoutClasspathServices())) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> ProviderSelector.all(BackpressurePolicyProvider.class, directory.searchPath()));

            assertTrue(e.getMessage().startsWith("Cannot load a BackpressurePolicyProvider: "), e.getMessage());
            assertTrue(e.getMessage().contains("com.example.NotAProvider"), e.getMessage());
        }
    }

    @Test
    void all_providerWithoutName_isRefusedWithItsJar() {
        Path jar = policyJar(plugins, "nameless.jar", "com.example.Nameless", null);

        try (PluginDirectory directory = PluginDirectory.open(plugins, TestJars.withoutClasspathServices())) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> ProviderSelector.all(BackpressurePolicyProvider.class, directory.searchPath()));

            assertEquals("BackpressurePolicyProvider com.example.Nameless (" + jar
                    + ") has no name: its name() returns null", e.getMessage());
        }
    }

    @Test
    void location_classOfTheJdk_isClasspath() {
        assertEquals("(classpath)", ProviderSelector.location(String.class));
    }

    @Test
    void location_classFromAFolder_isThatFolder() throws Exception {
        Path expected = Path.of(ProviderSelectorTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());

        assertEquals(expected.toString(), ProviderSelector.location(ProviderSelectorTest.class));
        assertTrue(Files.isDirectory(expected), expected + " is a folder");
    }
}
