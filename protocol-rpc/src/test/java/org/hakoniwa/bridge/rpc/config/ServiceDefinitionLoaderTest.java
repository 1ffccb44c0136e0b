package org.hakoniwa.bridge.rpc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.hakoniwa.bridge.pdu.config.ConfigFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceDefinitionLoaderTest {
    private static final String ADD = """
            {"name": "Service/Add", "type": "hako_srv_msgs/AddTwoInts", "maxClients": 1,
             "pduSize": {"server": {"heapSize": 0, "baseSize": 296}, "client": {"heapSize": 0, "baseSize": 288}}}""";

    @TempDir
    Path dir;

    @Test
    void load_readsServicesAndNodeTopics() throws IOException {
        Path file = write("""
                {"pduMetaDataSize": 24, "pdu_config_path": "pdu_config.json",
                 "services": [%s,
                   {"name": "Service/SystemControl", "type": "hako_srv_msgs/SystemControl", "maxClients": 2,
                    "pduSize": {"server": {"heapSize": 16, "baseSize": 280}, "client": {"heapSize": 32, "baseSize": 408}}}],
                 "nodes": [{"name": "drone1", "topics": [{"topic_name": "pos", "type": "geometry_msgs/Twist",
                                                          "channel_id": 0, "pduSize": {"heapSize": 0}}]}]}
                """.formatted(ADD));

        ServiceDefinition definition = ServiceDefinitionLoader.load(file);

        assertEquals(List.of(
                new ServiceSpec(0, "Service/Add", "hako_srv_msgs/AddTwoInts", 1, 296, 0, 288, 0),
                new ServiceSpec(1, "Service/SystemControl", "hako_srv_msgs/SystemControl", 2, 280, 16, 408, 32)),
                definition.services());
        assertEquals(List.of(new ServiceNodeTopic("drone1", "pos", "geometry_msgs/Twist", 0)), definition.nodeTopics());
        assertEquals(24, definition.pduMetaDataSize());
    }

    @Test
    void load_serviceIdsAreIndicesInTheFile() throws IOException {
        Path file = write("""
                {"pduMetaDataSize": 24, "services": [
                  {"name": "B", "type": "t", "maxClients": 1, "pduSize": {"server": {"heapSize": 0}, "client": {"heapSize": 0}}},
                  {"name": "A", "type": "t", "maxClients": 1, "pduSize": {"server": {"heapSize": 0}, "client": {"heapSize": 0}}},
                  {"name": "C", "type": "t", "maxClients": 1, "pduSize": {"server": {"heapSize": 0}, "client": {"heapSize": 0}}}]}
                """);

        ServiceDefinition definition = ServiceDefinitionLoader.load(file);

        assertEquals(0, definition.service("B").orElseThrow().serviceId());
        assertEquals(1, definition.service("A").orElseThrow().serviceId());
        assertEquals(2, definition.service("C").orElseThrow().serviceId());
    }

    @Test
    void load_withoutBaseSizes_readsThemAsZero() throws IOException {
        Path file = write("""
                {"pduMetaDataSize": 24, "services": [{"name": "Service/Add", "type": "hako_srv_msgs/AddTwoInts",
                  "maxClients": 1, "pduSize": {"server": {"heapSize": 0}, "client": {"heapSize": 0}}}]}
                """);

        assertEquals(Optional.of(new ServiceSpec(0, "Service/Add", "hako_srv_msgs/AddTwoInts", 1, 0, 0, 0, 0)),
                ServiceDefinitionLoader.load(file).service("Service/Add"));
    }

    @Test
    void load_withoutNodes_hasNoNodeTopics() throws IOException {
        Path file = write("{\"pduMetaDataSize\": 24, \"services\": [%s]}".formatted(ADD));

        assertEquals(List.of(), ServiceDefinitionLoader.load(file).nodeTopics());
    }

    @Test
    void load_noServices_isAnEmptyDefinition() throws IOException {
        assertEquals(ServiceDefinition.empty(),
                ServiceDefinitionLoader.load(write("{\"pduMetaDataSize\": 24, \"services\": [], \"nodes\": []}")));
    }

    @Test
    void load_duplicateServiceName_failsAtTheSecondName() throws IOException {
        Path file = write("{\"pduMetaDataSize\": 24, \"services\": [%s, %s]}".formatted(ADD, ADD));

        assertLoadFails(file, "$.services[1].name", "service name \"Service/Add\" is already used by $.services[0]");
    }

    @Test
    void load_missingFile_fails() {
        assertLoadFails(dir.resolve("service.json"), "$", "file not found");
    }

    @Test
    void load_nonJson_failsWithTheParserPosition() throws IOException {
        Path file = write("{\"pduMetaDataSize\": 24,\n \"services\": [,]}");

        ConfigFileException e = assertThrows(ConfigFileException.class, () -> ServiceDefinitionLoader.load(file));

        assertEquals("$", e.jsonPath());
        assertTrue(e.getMessage().startsWith(file + ": $: not valid JSON: Unexpected character (','"), e.getMessage());
        assertTrue(e.getMessage().endsWith(" at line 2, column 15"), e.getMessage());
    }

    @Test
    void load_pduConfigByMistake_failsOnMissingPduMetaDataSize() throws IOException {
        assertLoadFails(write("{\"robots\": []}"), "$", "missing required field \"pduMetaDataSize\"");
    }

    @Test
    void load_otherPduMetaDataSize_fails() throws IOException {
        assertLoadFails(write("{\"pduMetaDataSize\": 32, \"services\": []}"), "$.pduMetaDataSize",
                "expected 24 (the size of the PduMetaData header of every Hakoniwa PDU), found 32");
    }

    @Test
    void load_pduMetaDataSizeAsString_fails() throws IOException {
        assertLoadFails(write("{\"pduMetaDataSize\": \"24\", \"services\": []}"), "$.pduMetaDataSize",
                "expected an integer, found \"24\"");
    }

    @Test
    void load_missingServices_fails() throws IOException {
        assertLoadFails(write("{\"pduMetaDataSize\": 24}"), "$", "missing required field \"services\"");
    }

    @Test
    void load_serviceWithoutType_fails() throws IOException {
        Path file = write("""
                {"pduMetaDataSize": 24, "services": [%s,
                  {"name": "Service/X", "maxClients": 1, "pduSize": {"server": {"heapSize": 0}, "client": {"heapSize": 0}}}]}
                """.formatted(ADD));

        assertLoadFails(file, "$.services[1]", "missing required field \"type\"");
    }

    @Test
    void load_maxClientsAsString_fails() throws IOException {
        Path file = write("""
                {"pduMetaDataSize": 24, "services": [{"name": "Service/Add", "type": "t", "maxClients": "one",
                  "pduSize": {"server": {"heapSize": 0}, "client": {"heapSize": 0}}}]}
                """);

        assertLoadFails(file, "$.services[0].maxClients", "expected an integer, found \"one\"");
    }

    @Test
    void load_zeroMaxClients_fails() throws IOException {
        Path file = write("""
                {"pduMetaDataSize": 24, "services": [{"name": "Service/Add", "type": "t", "maxClients": 0,
                  "pduSize": {"server": {"heapSize": 0}, "client": {"heapSize": 0}}}]}
                """);

        assertLoadFails(file, "$.services[0].maxClients", "expected a positive integer, found 0");
    }

    @Test
    void load_missingClientPduSize_fails() throws IOException {
        Path file = write("""
                {"pduMetaDataSize": 24, "services": [{"name": "Service/Add", "type": "t", "maxClients": 1,
                  "pduSize": {"server": {"heapSize": 0}}}]}
                """);

        assertLoadFails(file, "$.services[0].pduSize", "missing required field \"client\"");
    }

    @Test
    void load_missingHeapSize_fails() throws IOException {
        Path file = write("""
                {"pduMetaDataSize": 24, "services": [{"name": "Service/Add", "type": "t", "maxClients": 1,
                  "pduSize": {"server": {"baseSize": 296}, "client": {"heapSize": 0}}}]}
                """);

        assertLoadFails(file, "$.services[0].pduSize.server", "missing required field \"heapSize\"");
    }

    @Test
    void load_negativeBaseSize_fails() throws IOException {
        Path file = write("""
                {"pduMetaDataSize": 24, "services": [{"name": "Service/Add", "type": "t", "maxClients": 1,
                  "pduSize": {"server": {"heapSize": 0}, "client": {"heapSize": 0, "baseSize": -8}}}]}
                """);

        assertLoadFails(file, "$.services[0].pduSize.client.baseSize", "expected a non-negative integer, found -8");
    }

    @Test
    void load_pduSizeIsNotAnObject_fails() throws IOException {
        Path file = write("""
                {"pduMetaDataSize": 24, "services": [{"name": "Service/Add", "type": "t", "maxClients": 1, "pduSize": 296}]}
                """);

        assertLoadFails(file, "$.services[0].pduSize", "expected an object, found 296");
    }

    @Test
    void load_servicesIsNotAnArray_fails() throws IOException {
        assertLoadFails(write("{\"pduMetaDataSize\": 24, \"services\": %s}".formatted(ADD)), "$.services",
                "expected an array, found an object");
    }

    @Test
    void load_topicWithoutChannelId_fails() throws IOException {
        Path file = write("""
                {"pduMetaDataSize": 24, "services": [], "nodes": [{"name": "drone1", "topics": [
                  {"topic_name": "pos", "type": "geometry_msgs/Twist", "pduSize": {"heapSize": 0}}]}]}
                """);

        assertLoadFails(file, "$.nodes[0].topics[0]", "missing required field \"channel_id\"");
    }

    @Test
    void load_topicWithoutPduSize_fails() throws IOException {
        Path file = write("""
                {"pduMetaDataSize": 24, "services": [], "nodes": [{"name": "drone1", "topics": [
                  {"topic_name": "pos", "type": "geometry_msgs/Twist", "channel_id": 0}]}]}
                """);

        assertLoadFails(file, "$.nodes[0].topics[0]", "missing required field \"pduSize\"");
    }

    @Test
    void load_nodeWithoutName_fails() throws IOException {
        Path file = write("""
                {"pduMetaDataSize": 24, "services": [], "nodes": [{"topics": []}]}
                """);

        assertLoadFails(file, "$.nodes[0]", "missing required field \"name\"");
    }

    @Test
    void load_twoTopicsOfANodeOnOneChannel_failsAtTheSecondChannelId() throws IOException {
        Path file = write("""
                {"pduMetaDataSize": 24, "services": [], "nodes": [{"name": "drone1", "topics": [
                  {"topic_name": "pos", "type": "geometry_msgs/Twist", "channel_id": 0, "pduSize": {"heapSize": 0}},
                  {"topic_name": "vel", "type": "geometry_msgs/Twist", "channel_id": 0, "pduSize": {"heapSize": 0}}]}]}
                """);

        assertLoadFails(file, "$.nodes[0].topics[1].channel_id", "channel 0 of node drone1 is already used by topic pos");
    }

    @Test
    void load_topicNameOnTwoChannels_failsAtTheSecondTopicName() throws IOException {
        Path file = write("""
                {"pduMetaDataSize": 24, "services": [], "nodes": [
                  {"name": "drone1", "topics": [{"topic_name": "pos", "type": "t", "channel_id": 0, "pduSize": {"heapSize": 0}}]},
                  {"name": "drone1", "topics": [{"topic_name": "pos", "type": "t", "channel_id": 1, "pduSize": {"heapSize": 0}}]}]}
                """);

        assertLoadFails(file, "$.nodes[1].topics[0].topic_name", "topic pos of node drone1 is already defined on channel 0");
    }

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("service.json"), json);
    }

    private static void assertLoadFails(Path file, String jsonPath, String problem) {
        ConfigFileException e = assertThrows(ConfigFileException.class, () -> ServiceDefinitionLoader.load(file));

        assertEquals(file + ": " + jsonPath + ": " + problem, e.getMessage());
        assertEquals(file, e.file());
        assertEquals(jsonPath, e.jsonPath());
        assertEquals(problem, e.problem());
    }
}
