package org.hakoniwa.bridge.sim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BridgeKeysTest {
    @Test
    void all_holdsEveryKeyConstant() throws Exception {
        Set<Object> constants = new HashSet<>();
        for (Field field : BridgeKeys.class.getDeclaredFields()) {
            if (Modifier.isPublic(field.getModifiers()) && field.getType() == ConfigKey.class) {
                constants.add(field.get(null));
            }
        }

        assertEquals(constants, new HashSet<>(BridgeKeys.all()));
        assertEquals(29, BridgeKeys.all().size());
    }

    @Test
    void all_startsWithTheServerKeys_inTheOrderOfTheFile() {
        assertEquals(List.of("bridge.bind", "bridge.port", "bridge.transport"),
                BridgeKeys.all().subList(0, 3).stream().map(ConfigKey::name).collect(Collectors.toList()));
    }

    @Test
    void all_keysHaveDistinctNamesAndEnvironmentVariables() {
        Set<String> names = BridgeKeys.all().stream().map(ConfigKey::name).collect(Collectors.toSet());
        Set<String> variables = names.stream().map(BridgeKeys::environmentName).collect(Collectors.toSet());

        assertEquals(BridgeKeys.all().size(), names.size());
        assertEquals(BridgeKeys.all().size(), variables.size());
    }

    @Test
    void all_descriptionsAreOneSentenceOnOneLine() {
        for (ConfigKey<?> key : BridgeKeys.all()) {
            assertFalse(key.description().contains("\n"), key.name());
            assertTrue(key.description().endsWith("."), key.name());
            assertTrue(Character.isUpperCase(key.description().charAt(0)), key.name());
        }
    }

    @ParameterizedTest
    @CsvSource({
        "bridge.bind, 127.0.0.1", "bridge.port, 8080", "bridge.transport, jetty",
        "bridge.subscription-store, memory", "bridge.route-store, memory",
        "bridge.backpressure.policy, latest-wins", "bridge.backpressure.queue-depth, 1024",
        "bridge.backpressure.queue-bytes, 16MiB", "bridge.backpressure.block-timeout, 100ms",
        "bridge.backpressure.control-queue-depth, 4096", "bridge.max-clients, 1",
        "bridge.multi-client-enabled, unset", "bridge.ping-interval, 20s", "bridge.ping-timeout, 20s",
        "bridge.max-message-size, 1048880", "bridge.max-outbound-message-size, 1MiB",
        "bridge.permessage-deflate, false", "bridge.pdu-config, unset", "bridge.service-config, unset",
        "bridge.plugin-dir, unset", "bridge.pdu.unknown-topics, reject-unknown",
        "bridge.pdu.relay-client-writes, false", "bridge.pdu.last-value-on-declare, true",
        "bridge.pdu.broadcast-to-undeclared, false", "bridge.rpc.deadline, 10s", "bridge.rpc.max-in-flight, 32",
        "bridge.rpc.enforce-max-clients, false", "bridge.shutdown.drain-timeout, 2s", "bridge.demo.publish-hz, 10"})
    void defaults_areTheDocumentedOnes(String name, String expected) {
        assertEquals(expected, BridgeKeys.byName(name).orElseThrow().defaultText());
    }

    @Test
    void defaults_parseBackToThemselves() throws Exception {
        for (ConfigKey<?> key : BridgeKeys.all()) {
            if (key.hasDefault()) {
                assertEquals(key.defaultValue(), key.parse(key.defaultText()), key.name());
            }
        }
    }

    @Test
    void environmentName_upperCasesAndTurnsDotsAndDashesIntoUnderscores() {
        assertEquals("BRIDGE_MAX_CLIENTS", BridgeKeys.environmentName("bridge.max-clients"));
        assertEquals("BRIDGE_BACKPRESSURE_QUEUE_DEPTH", BridgeKeys.environmentName("bridge.backpressure.queue-depth"));
    }

    @Test
    void isExtension_onlyForNamesUnderBridgeExt() {
        assertTrue(BridgeKeys.isExtension("bridge.ext.redis.url"));
        assertFalse(BridgeKeys.isExtension("bridge.ext."));
        assertFalse(BridgeKeys.isExtension("bridge.extra"));
        assertFalse(BridgeKeys.isExtension("bridge.port"));
    }

    @Test
    void choice_listsItsAllowedValues() {
        assertEquals(List.of("reject-unknown", "allow-unknown"), BridgeKeys.PDU_UNKNOWN_TOPICS.allowedValues());
        assertEquals("reject-unknown or allow-unknown", BridgeKeys.PDU_UNKNOWN_TOPICS.type());
    }

    @Test
    void parse_valueOutOfTheKeysRange_isRefused() {
        assertEquals("must be at most 65535", reason(() -> BridgeKeys.PORT.parse("65536")));
        assertEquals("must be at least 1ms", reason(() -> BridgeKeys.RPC_DEADLINE.parse("0")));
        assertEquals("must be at least 304", reason(() -> BridgeKeys.MAX_MESSAGE_SIZE.parse("100")));
        assertEquals("must be greater than 0", reason(() -> BridgeKeys.DEMO_PUBLISH_HZ.parse("0")));
    }

    private static String reason(org.junit.jupiter.api.function.Executable parse) {
        return assertThrows(InvalidValueException.class, parse).reason();
    }
}
