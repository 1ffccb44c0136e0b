package org.hakoniwa.bridge.sim.config;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BridgeConfigLoaderTest {
    @TempDir
    Path dir;

    private final Map<String, String> environment = new HashMap<>();
    private final Properties systemProperties = new Properties();

    @Test
    void load_nothingSet_everyKeyHasItsDefault() {
        BridgeConfig config = load();

        for (ConfigKey<?> key : BridgeKeys.all()) {
            assertEquals(key.defaultValue(), config.get(key), key.name());
            assertEquals(ConfigSource.DEFAULT, config.sourceOf(key), key.name());
        }
        assertEquals(BridgeConfig.defaults().describeEffective(), config.describeEffective());
    }

    @Test
    void load_everySource_laterSourcesWin() throws Exception {
        Path file = file("bridge.port=1\nbridge.backpressure.queue-depth=1\nbridge.rpc.max-in-flight=1\n"
                + "bridge.max-clients=1\nbridge.demo.publish-hz=1\n");
        environment.putAll(Map.of("BRIDGE_PORT", "2", "BRIDGE_BACKPRESSURE_QUEUE_DEPTH", "2",
                "BRIDGE_RPC_MAX_IN_FLIGHT", "2", "BRIDGE_MAX_CLIENTS", "2"));
        systemProperties.putAll(Map.of("bridge.port", "3", "bridge.backpressure.queue-depth", "3",
                "bridge.rpc.max-in-flight", "3"));

        BridgeConfig config = load("--config", file.toString(), "--port", "4", "--set",
                "bridge.backpressure.queue-depth=4");

        assertEquals(4, config.get(BridgeKeys.PORT));
        assertEquals(new ValueOrigin(ConfigSource.COMMAND_LINE, "--port"), config.originOf(BridgeKeys.PORT));
        assertEquals(4, config.get(BridgeKeys.BACKPRESSURE_QUEUE_DEPTH));
        assertEquals(new ValueOrigin(ConfigSource.COMMAND_LINE, "--set"),
                config.originOf(BridgeKeys.BACKPRESSURE_QUEUE_DEPTH));
        assertEquals(3, config.get(BridgeKeys.RPC_MAX_IN_FLIGHT));
        assertEquals(new ValueOrigin(ConfigSource.SYSTEM_PROPERTY, "-Dbridge.rpc.max-in-flight"),
                config.originOf(BridgeKeys.RPC_MAX_IN_FLIGHT));
        assertEquals(2, config.get(BridgeKeys.MAX_CLIENTS));
        assertEquals(new ValueOrigin(ConfigSource.ENVIRONMENT, "BRIDGE_MAX_CLIENTS"),
                config.originOf(BridgeKeys.MAX_CLIENTS));
        assertEquals(1.0, config.get(BridgeKeys.DEMO_PUBLISH_HZ));
        assertEquals(new ValueOrigin(ConfigSource.FILE, file.toString()), config.originOf(BridgeKeys.DEMO_PUBLISH_HZ));
        assertEquals(ConfigSource.DEFAULT, config.sourceOf(BridgeKeys.BIND));
    }

    @Test
    void load_sameKeyTwiceOnTheCommandLine_lastOneWins() {
        BridgeConfig config = load("--port", "1", "--set", "bridge.port=2", "-Dbridge.port=3");

        assertEquals(3, config.get(BridgeKeys.PORT));
        assertEquals("-Dbridge.port", config.originOf(BridgeKeys.PORT).detail());
    }

    @Test
    void load_exampleFile_readsEveryKeyAndResolvesItsPathsAgainstItsFolder() throws Exception {
        Path file = Path.of(getClass().getResource("/config/bridge.properties").toURI());

        BridgeConfig config = load("--config", file.toString());

        assertEquals("0.0.0.0", config.get(BridgeKeys.BIND));
        assertEquals(9090, config.get(BridgeKeys.PORT));
        assertEquals(4, config.get(BridgeKeys.MAX_CLIENTS));
        assertEquals("drop-oldest", config.get(BridgeKeys.BACKPRESSURE_POLICY));
        assertEquals(32L * 1024 * 1024, config.get(BridgeKeys.BACKPRESSURE_QUEUE_BYTES));
        assertEquals(Duration.ofSeconds(10), config.get(BridgeKeys.PING_INTERVAL));
        assertEquals(Optional.of(file.getParent().resolve("pdu/custom_pdu.json")), config.get(BridgeKeys.PDU_CONFIG));
        assertEquals(Optional.of("pdu/custom_pdu.json"), config.raw("bridge.pdu-config"));
        assertEquals(Optional.of("hello"), config.raw("bridge.ext.example.greeting"));
        assertTrue(config.multiClientEnabled());
    }

    @Test
    void load_relativePathOnTheCommandLine_isKeptAsWritten() {
        assertEquals(Optional.of(Path.of("pdu/custom.json")),
                load("--pdu-config", "pdu/custom.json").get(BridgeKeys.PDU_CONFIG));
    }

    @Test
    void load_valuesWithSpacesAround_areTrimmed() throws Exception {
        BridgeConfig config = load("--config", file("bridge.port = 9090   \nbridge.bind=  ::1\t\n").toString());

        assertEquals(9090, config.get(BridgeKeys.PORT));
        assertEquals("::1", config.get(BridgeKeys.BIND));
    }

    @Test
    void load_help_loadsNoConfiguration() {
        BridgeConfigLoader.LoadResult result = BridgeConfigLoader.load(new String[] {"--max-clients", "0", "--help"},
                Map.of("BRIDGE_NONSENSE", "x"), systemProperties);

        assertTrue(result.helpRequested());
        assertEquals(Optional.empty(), result.config());
    }

    @Test
    void load_noHelp_loadsTheConfiguration() {
        BridgeConfigLoader.LoadResult result = BridgeConfigLoader.load(new String[0], environment, systemProperties);

        assertFalse(result.helpRequested());
        assertTrue(result.config().isPresent());
    }

    @Test
    void load_unknownKeyFromSystemProperty_suggestsClosestKey() {
        systemProperties.setProperty("bridge.max-client", "4");

        assertEquals("Unknown configuration key bridge.max-client (from system property -Dbridge.max-client);"
                + " did you mean bridge.max-clients?", error());
    }

    @Test
    void load_unknownKeyFromEnvironment_suggestsClosestKey() {
        environment.put("BRIDGE_MAX_CLIENT", "4");

        assertEquals("Unknown configuration key bridge.max-client (from environment variable BRIDGE_MAX_CLIENT);"
                + " did you mean bridge.max-clients?", error());
    }

    @Test
    void load_unknownGroupedKeyFromEnvironment_showsTheGroupWithADot() {
        environment.put("BRIDGE_BACKPRESSURE_QUEUE_DEPHT", "4");

        assertEquals("Unknown configuration key bridge.backpressure.queue-depht"
                + " (from environment variable BRIDGE_BACKPRESSURE_QUEUE_DEPHT);"
                + " did you mean bridge.backpressure.queue-depth?", error());
    }

    @Test
    void load_unknownKeyFromFile_namesTheFile() throws Exception {
        Path file = file("bridge.max-client=4\n");

        assertEquals("Unknown configuration key bridge.max-client (from file " + file + ");"
                + " did you mean bridge.max-clients?", error("--config", file.toString()));
    }

    @Test
    void load_keyWithoutPrefixInFile_suggestsTheFullKey() throws Exception {
        Path file = file("ping-interval=5s\n");

        assertEquals("Unknown configuration key ping-interval (from file " + file + ");"
                + " did you mean bridge.ping-interval?", error("--config", file.toString()));
    }

    @Test
    void load_unknownKeyFromSet_namesTheOption() {
        assertEquals("Unknown configuration key bridge.max-client (from command line --set);"
                + " did you mean bridge.max-clients?", error("--set", "bridge.max-client=4"));
    }

    @Test
    void load_unknownKeyLikeNoOther_pointsToHelp() {
        assertEquals("Unknown configuration key bridge.frobnicate (from command line -Dbridge.frobnicate);"
                + " see --help for the known keys", error("-Dbridge.frobnicate=1"));
    }

    @Test
    void load_durationWithoutUnit_asksForAUnit() {
        environment.put("BRIDGE_PING_INTERVAL", "20");

        assertEquals("Invalid value for bridge.ping-interval: \"20\" (from environment variable BRIDGE_PING_INTERVAL):"
                + " a duration needs a unit, e.g. 20s or 100ms", error());
    }

    @Test
    void load_valueOutOfRange_saysTheLimit() {
        assertEquals("Invalid value for bridge.max-clients: \"0\" (from command line --max-clients):"
                + " must be at least 1",
                error("--max-clients", "0"));
    }

    @Test
    void load_malformedValueInFile_namesTheFile() throws Exception {
        Path file = file("bridge.permessage-deflate=yes\n");

        assertEquals("Invalid value for bridge.permessage-deflate: \"yes\" (from file " + file + "):"
                + " must be true or false", error("--config", file.toString()));
    }

    @Test
    void load_malformedValueOverriddenLater_isStillRefused() {
        environment.put("BRIDGE_PORT", "http");

        assertEquals("Invalid value for bridge.port: \"http\" (from environment variable BRIDGE_PORT):"
                + " must be a whole number", error("--port", "8080"));
    }

    @Test
    void load_choiceOutsideItsValues_listsThem() {
        assertEquals("Invalid value for bridge.pdu.unknown-topics: \"allow\" (from command line --pdu.unknown-topics):"
                + " must be one of reject-unknown, allow-unknown", error("--pdu.unknown-topics", "allow"));
    }

    @Test
    void load_emptyEnvironmentVariable_countsAsUnset() {
        environment.put("BRIDGE_PORT", "");
        environment.put("BRIDGE_NO_SUCH_KEY", "");

        assertEquals(ConfigSource.DEFAULT, load().sourceOf(BridgeKeys.PORT));
    }

    @Test
    void load_variablesAndPropertiesOfOthers_areIgnored() {
        environment.putAll(Map.of("PATH", "/usr/bin", "BRIDGEPORT", "x", "bridge_port", "x"));
        systemProperties.putAll(Map.of("java.home", "/jdk", "bridgeport", "x", "port", "1"));

        assertEquals(BridgeConfig.defaults().describeEffective(), load().describeEffective());
    }

    @Test
    void load_pingTimeoutZeroWhilePingsAreOn_namesBothKeys() {
        environment.put("BRIDGE_PING_TIMEOUT", "0");

        assertEquals("Conflicting values: bridge.ping-timeout = 0 (from environment variable BRIDGE_PING_TIMEOUT)"
                + " and bridge.ping-interval = 20s (default): with pings on, a client needs time to answer them;"
                + " set bridge.ping-timeout above 0, or bridge.ping-interval to 0 to turn pings off", error());
    }

    @Test
    void load_pingTimeoutZeroWithPingsOff_isAccepted() {
        BridgeConfig config = load("--ping-interval", "0", "--ping-timeout", "0");

        assertEquals(Duration.ZERO, config.get(BridgeKeys.PING_TIMEOUT));
    }

    @Test
    void load_queueBytesBelowTheLargestMessage_namesBothKeys() throws Exception {
        Path file = file("bridge.backpressure.queue-bytes=512KiB\n");

        assertEquals("Conflicting values: bridge.backpressure.queue-bytes = 512KiB (from file " + file + ")"
                + " is less than bridge.max-outbound-message-size = 1MiB (default): a message of the largest size"
                + " could never be queued; raise bridge.backpressure.queue-bytes or lower"
                + " bridge.max-outbound-message-size", error("--config", file.toString()));
    }

    @Test
    void load_queueBytesEqualToTheLargestMessage_isAccepted() {
        BridgeConfig config = load("--backpressure.queue-bytes", "1MiB");

        assertEquals(1024L * 1024, config.get(BridgeKeys.BACKPRESSURE_QUEUE_BYTES));
    }

    @Test
    void load_multiClientOffWithManyClients_theExplicitFlagWins() {
        BridgeConfig config = load("--max-clients", "4", "--set", "bridge.multi-client-enabled=false");

        assertFalse(config.multiClientEnabled());
    }

    @Test
    void load_extensionKeys_passThroughFromEverySource() throws Exception {
        Path file = file("bridge.ext.redis.url=redis://file\nbridge.ext.redis.db=1\n");
        environment.put("BRIDGE_EXT_REDIS_URL", "redis://env");
        systemProperties.setProperty("bridge.ext.redis.timeout", "5s");

        BridgeConfig config = load("--config", file.toString(), "--set", "bridge.ext.redis.pool=8");

        assertEquals(Optional.of("redis://env"), config.raw("bridge.ext.redis.url"));
        assertEquals(1, config.integer("bridge.ext.redis.db"));
        assertEquals(Duration.ofSeconds(5), config.duration("bridge.ext.redis.timeout"));
        assertEquals(Optional.of("8"), config.raw("bridge.ext.redis.pool"));
        assertEquals(Optional.empty(), config.raw("bridge.ext.redis.password"));
    }

    @Test
    void load_missingConfigFile_namesTheFile() {
        Path missing = dir.resolve("missing.properties");

        assertEquals("Cannot read configuration file " + missing + " (from command line --config): no such file",
                error("--config", missing.toString()));
    }

    @Test
    void load_configFileNotUtf8_saysSo() throws Exception {
        Path file = Files.write(dir.resolve("latin1.properties"), new byte[] {'b', '=', (byte) 0xE9, '\n'});

        assertEquals("Cannot read configuration file " + file + " (from command line --config): it is not UTF-8 text",
                error("--config", file.toString()));
    }

    private BridgeConfig load(String... args) {
        return BridgeConfigLoader.load(args, environment, systemProperties).config().orElseThrow();
    }

    private String error(String... args) {
        return assertThrows(ConfigurationException.class,
                () -> BridgeConfigLoader.load(args, environment, systemProperties)).getMessage();
    }

    private Path file(String content) throws Exception {
        return Files.writeString(Files.createTempFile(dir, "bridge", ".properties"), content, UTF_8);
    }
}
