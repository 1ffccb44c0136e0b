package org.hakoniwa.bridge.sim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BridgeConfigTest {
    @Test
    void multiClientEnabled_unset_followsMaxClients() {
        assertFalse(BridgeConfig.defaults().multiClientEnabled());
        assertTrue(load("--max-clients", "2").multiClientEnabled());
    }

    @Test
    void multiClientEnabled_explicitValue_wins() {
        assertFalse(load("--max-clients", "4", "--multi-client-enabled=false").multiClientEnabled());
        assertTrue(load("--multi-client").multiClientEnabled());
    }

    @Test
    void typedGetters_readKnownKeysByName() {
        BridgeConfig config = load("--port", "9090", "--pdu-config", "pdu.json");

        assertEquals(9090, config.integer("bridge.port"));
        assertEquals(9090L, config.longValue("bridge.port"));
        assertEquals(16L * 1024 * 1024, config.bytes("bridge.backpressure.queue-bytes"));
        assertEquals(16L * 1024 * 1024, config.longValue("bridge.backpressure.queue-bytes"));
        assertEquals(Duration.ofMillis(100), config.duration("bridge.backpressure.block-timeout"));
        assertTrue(config.bool("bridge.pdu.last-value-on-declare"));
        assertEquals("latest-wins", config.string("bridge.backpressure.policy"));
        assertEquals("reject-unknown", config.string("bridge.pdu.unknown-topics"));
        assertEquals("pdu.json", config.string("bridge.pdu-config"));
    }

    @Test
    void raw_isTheTextAsWritten_orTheDefault_orEmptyWhenUnset() {
        BridgeConfig config = load("--backpressure.queue-bytes", "16384KiB");

        assertEquals(Optional.of("16384KiB"), config.raw("bridge.backpressure.queue-bytes"));
        assertEquals(Optional.of("20s"), config.raw("bridge.ping-interval"));
        assertEquals(Optional.empty(), config.raw("bridge.pdu-config"));
        assertEquals(Optional.empty(), config.raw("bridge.multi-client-enabled"));
    }

    @Test
    void typedGetter_ofAnotherType_isRefused() {
        BridgeConfig config = BridgeConfig.defaults();

        assertEquals("Cannot read bridge.port as a duration: it is an int",
                assertThrows(ConfigurationException.class, () -> config.duration("bridge.port")).getMessage());
        assertEquals("Cannot read bridge.ping-interval as a string: it is a duration",
                assertThrows(ConfigurationException.class, () -> config.string("bridge.ping-interval")).getMessage());
    }

    @Test
    void typedGetter_ofAnUnsetKey_saysItIsUnset() {
        assertEquals("No value for bridge.pdu-config: it is unset and has no default",
                assertThrows(ConfigurationException.class,
                        () -> BridgeConfig.defaults().string("bridge.pdu-config")).getMessage());
        assertEquals("No value for bridge.multi-client-enabled: it is unset and has no default",
                assertThrows(ConfigurationException.class,
                        () -> BridgeConfig.defaults().bool("bridge.multi-client-enabled")).getMessage());
    }

    @Test
    void unknownKey_isRefused_withASuggestionOrTheExtensionNamespace() {
        BridgeConfig config = BridgeConfig.defaults();

        assertEquals("Unknown configuration key bridge.max-client; did you mean bridge.max-clients?",
                assertThrows(ConfigurationException.class, () -> config.raw("bridge.max-client")).getMessage());
        assertEquals("Unknown configuration key bridge.mystore.size; keys of custom providers go under bridge.ext.",
                assertThrows(ConfigurationException.class, () -> config.integer("bridge.mystore.size")).getMessage());
    }

    @Test
    void extensionKey_isParsedByTheGetterThatReadsIt() {
        BridgeConfig config = load("--set", "bridge.ext.store.db=x", "--set", "bridge.ext.store.size=64KiB",
                "--set", "bridge.ext.store.tls=TRUE");

        assertEquals(64 * 1024L, config.bytes("bridge.ext.store.size"));
        assertTrue(config.bool("bridge.ext.store.tls"));
        assertEquals("x", config.string("bridge.ext.store.db"));
        assertEquals("Invalid value for bridge.ext.store.db: \"x\" (from command line --set): must be a whole number",
                assertThrows(ConfigurationException.class, () -> config.integer("bridge.ext.store.db")).getMessage());
    }

    @Test
    void extensionKey_notSet_isEmptyRawAndAnErrorWhenTyped() {
        BridgeConfig config = BridgeConfig.defaults();

        assertEquals(Optional.empty(), config.raw("bridge.ext.store.db"));
        assertEquals("No value for bridge.ext.store.db: it is not set, and keys under bridge.ext. have no default",
                assertThrows(ConfigurationException.class, () -> config.integer("bridge.ext.store.db")).getMessage());
    }

    @Test
    void extensionKey_fromTheEnvironment_matchesItsDottedName() {
        BridgeConfig config = BridgeConfigLoader.load(new String[0], Map.of("BRIDGE_EXT_STORE_URL", "redis://h"),
                new Properties()).config().orElseThrow();

        assertEquals(Optional.of("redis://h"), config.raw("bridge.ext.store.url"));
        assertEquals(Optional.of("redis://h"), config.raw("bridge.ext.store-url"));
    }

    @Test
    void describeEffective_oneLinePerKeyWithValueAndSource() {
        BridgeConfig config = BridgeConfigLoader.load(new String[] {"--port", "9090", "--set", "bridge.ext.a.b=c"},
                Map.of("BRIDGE_MAX_CLIENTS", "3"), new Properties()).config().orElseThrow();

        List<String> lines = config.describeEffective().lines().toList();

        assertEquals(BridgeKeys.all().size() + 1, lines.size());
        assertEquals("bridge.bind = 127.0.0.1 (default)", lines.get(0));
        assertEquals("bridge.port = 9090 (command line --port)", lines.get(1));
        assertTrue(lines.contains("bridge.max-clients = 3 (environment variable BRIDGE_MAX_CLIENTS)"));
        assertTrue(lines.contains("bridge.backpressure.queue-bytes = 16MiB (default)"));
        assertTrue(lines.contains("bridge.pdu-config = unset (default)"));
        assertTrue(lines.contains("bridge.demo.publish-hz = 10 (default)"));
        assertEquals("bridge.ext.a.b = c (command line --set)", lines.get(lines.size() - 1));
    }

    @Test
    void get_keyOutsideBridgeKeys_isRefused() {
        ConfigKey<String> foreign = ConfigKey.string("bridge.foreign", "x", "Not registered.");

        assertThrows(IllegalArgumentException.class, () -> BridgeConfig.defaults().get(foreign));
    }

    private static BridgeConfig load(String... args) {
        return BridgeConfigLoader.load(args, Map.of(), new Properties()).config().orElseThrow();
    }
}
