package org.hakoniwa.bridge.pdu.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.hakoniwa.bridge.spi.PduKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PduDefinitionLoaderTest {
    private static final String TWIST = "geometry_msgs/Twist";

    @TempDir
    Path dir;

    // ---- legacy form ----

    @Test
    void load_legacyForm_readsTheChannelsOfEveryRobot() throws IOException {
        Path file = write("pdu_config.json", """
                {"robots": [
                  {"name": "drone1", "rpc_pdu_readers": [], "rpc_pdu_writers": [],
                   "shm_pdu_readers": [{"type": "geometry_msgs/Twist", "org_name": "pos", "name": "drone1_pos",
                                        "channel_id": 0, "pdu_size": 72, "write_cycle": 1, "method_type": "SHM"}],
                   "shm_pdu_writers": [{"type": "geometry_msgs/Twist", "org_name": "pos", "name": "drone1_pos",
                                        "channel_id": 0, "pdu_size": 72, "write_cycle": 1, "method_type": "SHM"}]},
                  {"name": "drone2",
                   "shm_pdu_readers": [{"type": "geometry_msgs/Twist", "org_name": "pos", "channel_id": 0, "pdu_size": 72},
                                       {"type": "hako_msgs/HakoBatteryStatus", "org_name": "hako_battery",
                                        "channel_id": 9, "pdu_size": 56}]}
                ]}
                """);

        PduDefinition definition = PduDefinitionLoader.load(file);

        assertEquals(List.of(
                new PduChannel("drone1", "pos", 0, 72, TWIST),
                new PduChannel("drone2", "pos", 0, 72, TWIST),
                new PduChannel("drone2", "hako_battery", 9, 56, "hako_msgs/HakoBatteryStatus")), definition.channels());
        assertEquals(List.of("drone1", "drone2"), List.copyOf(definition.robots()));
    }

    @Test
    void load_legacyForm_lookupsByKeyAndByTopicFindTheSameChannel() throws IOException {
        Path file = legacyWithEntries("""
                {"type": "geometry_msgs/Twist", "org_name": "pos", "channel_id": 3, "pdu_size": 72}""");

        PduDefinition definition = PduDefinitionLoader.load(file);

        PduChannel expected = new PduChannel("drone1", "pos", 3, 72, TWIST);
        assertEquals(Optional.of(expected), definition.channel(new PduKey("drone1", 3)));
        assertEquals(Optional.of(expected), definition.channel("drone1", "pos"));
        assertTrue(definition.contains(new PduKey("drone1", 3)));
    }

    @Test
    void load_legacyForm_takesChannelsFromAllFourListsInFileOrder() throws IOException {
        Path file = write("pdu_config.json", """
                {"robots": [{"name": "r",
                  "shm_pdu_writers": [{"type": "t", "org_name": "w", "channel_id": 1, "pdu_size": 8}],
                  "rpc_pdu_readers": [{"type": "t", "org_name": "rr", "channel_id": 2, "pdu_size": 8}],
                  "shm_pdu_readers": [{"type": "t", "org_name": "r", "channel_id": 0, "pdu_size": 8}],
                  "rpc_pdu_writers": [{"type": "t", "org_name": "rw", "channel_id": 3, "pdu_size": 8}]}]}
                """);

        List<String> topics = PduDefinitionLoader.load(file).channels().stream().map(PduChannel::topic).toList();

        assertEquals(List.of("w", "rr", "r", "rw"), topics);
    }

    @Test
    void load_legacyForm_ignoresFieldsItDoesNotUse() throws IOException {
        Path file = write("custom.json", """
                {"version": 2, "robots": [{"name": "DroneTransporter", "comment": "x",
                  "shm_pdu_writers": [{"type": "geometry_msgs/Twist", "org_name": "drone_pos",
                    "name": "DroneTransporter_drone_pos",
                    "class_name": "Hakoniwa.PluggableAsset.Communication.Pdu.Raw.RawPduReader",
                    "conv_class_name": "Hakoniwa.PluggableAsset.Communication.Pdu.Raw.RawPduReaderConverter",
                    "channel_id": 1, "pdu_size": 72, "write_cycle": 1, "method_type": "SHM"}],
                  "shm_pdu_readers": []}]}
                """);

        assertEquals(List.of(new PduChannel("DroneTransporter", "drone_pos", 1, 72, TWIST)),
                PduDefinitionLoader.load(file).channels());
    }

    @Test
    void load_legacyForm_robotWithoutLists_hasNoChannels() throws IOException {
        Path file = write("pdu_config.json", """
                {"robots": [{"name": "idle"}]}
                """);

        PduDefinition definition = PduDefinitionLoader.load(file);

        assertEquals(List.of(), definition.channels());
        assertEquals(List.of(), List.copyOf(definition.robots()));
    }

    @Test
    void load_legacyForm_emptyRobots_isAnEmptyDefinition() throws IOException {
        assertEquals(PduDefinition.empty(), PduDefinitionLoader.load(write("pdu_config.json", "{\"robots\": []}")));
    }

    // ---- compact form ----

    @Test
    void load_compactForm_resolvesPdutypesRelativeToFile() throws IOException {
        write("conf/types/drone.json", """
                [{"channel_id": 0, "pdu_size": 72, "name": "pos", "type": "geometry_msgs/Twist"},
                 {"channel_id": 1, "pdu_size": 112, "name": "motor", "type": "hako_mavlink_msgs/HakoHilActuatorControls"}]
                """);
        Path file = write("conf/pdudef.json", """
                {"paths": [{"id": "default", "path": "types/drone.json"}],
                 "robots": [{"name": "Drone", "pdutypes_id": "default"}]}
                """);

        PduDefinition definition = PduDefinitionLoader.load(file);

        assertEquals(List.of(
                new PduChannel("Drone", "pos", 0, 72, TWIST),
                new PduChannel("Drone", "motor", 1, 112, "hako_mavlink_msgs/HakoHilActuatorControls")),
                definition.channels());
    }

    @Test
    void load_compactForm_givesEachRobotTheEntriesOfItsId() throws IOException {
        write("twist.json", """
                [{"channel_id": 0, "pdu_size": 72, "name": "pos", "type": "geometry_msgs/Twist"}]
                """);
        write("battery.json", """
                [{"channel_id": 9, "pdu_size": 56, "name": "battery", "type": "hako_msgs/HakoBatteryStatus"}]
                """);
        Path file = write("pdudef.json", """
                {"paths": [{"id": "drone", "path": "twist.json"}, {"id": "tank", "path": "battery.json"}],
                 "robots": [{"name": "drone1", "pdutypes_id": "drone"},
                            {"name": "tank1", "pdutypes_id": "tank"},
                            {"name": "drone2", "pdutypes_id": "drone"}]}
                """);

        PduDefinition definition = PduDefinitionLoader.load(file);

        assertEquals(List.of(
                new PduChannel("drone1", "pos", 0, 72, TWIST),
                new PduChannel("tank1", "battery", 9, 56, "hako_msgs/HakoBatteryStatus"),
                new PduChannel("drone2", "pos", 0, 72, TWIST)), definition.channels());
    }

    @Test
    void load_compactForm_acceptsAnAbsolutePdutypesPath() throws IOException {
        Path types = write("elsewhere/pdutypes.json", """
                [{"channel_id": 0, "pdu_size": 72, "name": "pos", "type": "geometry_msgs/Twist"}]
                """);
        Path file = write("conf/pdudef.json", """
                {"paths": [{"id": "default", "path": "%s"}], "robots": [{"name": "Drone", "pdutypes_id": "default"}]}
                """.formatted(types.toAbsolutePath().toString().replace("\\", "\\\\")));

        assertEquals(List.of(new PduChannel("Drone", "pos", 0, 72, TWIST)), PduDefinitionLoader.load(file).channels());
    }

    @Test
    void load_bothForms_giveTheSameChannels() throws IOException {
        Path legacy = write("legacy/pdu_config.json", """
                {"robots": [
                  {"name": "drone1",
                   "shm_pdu_readers": [{"type": "geometry_msgs/Twist", "org_name": "pos", "channel_id": 0, "pdu_size": 72}],
                   "shm_pdu_writers": [{"type": "geometry_msgs/Twist", "org_name": "pos", "channel_id": 0, "pdu_size": 72}]},
                  {"name": "drone2",
                   "shm_pdu_readers": [{"type": "geometry_msgs/Twist", "org_name": "pos", "channel_id": 0, "pdu_size": 72}],
                   "shm_pdu_writers": [{"type": "geometry_msgs/Twist", "org_name": "pos", "channel_id": 0, "pdu_size": 72}]}
                ]}
                """);
        write("compact/pdutypes.json", """
                [{"channel_id": 0, "pdu_size": 72, "name": "pos", "type": "geometry_msgs/Twist"}]
                """);
        Path compact = write("compact/pdu_config.json", """
                {"paths": [{"id": "default", "path": "pdutypes.json"}],
                 "robots": [{"name": "drone1", "pdutypes_id": "default"}, {"name": "drone2", "pdutypes_id": "default"}]}
                """);

        PduDefinition fromLegacy = PduDefinitionLoader.load(legacy);
        PduDefinition fromCompact = PduDefinitionLoader.load(compact);

        assertEquals(fromLegacy.channels(), fromCompact.channels());
        assertEquals(List.of(new PduChannel("drone1", "pos", 0, 72, TWIST), new PduChannel("drone2", "pos", 0, 72, TWIST)),
                fromCompact.channels());
    }

    // ---- errors: the file itself ----

    @Test
    void load_missingFile_failsWithFileNotFound() {
        Path file = dir.resolve("nope.json");

        assertLoadFails(file, "$", "file not found");
    }

    @Test
    void load_nonJson_failsWithTheParserMessageAndPosition() throws IOException {
        Path file = write("pdu_config.json", "{\n  \"robots\": [\n    {\"name\": \"drone1\",}\n  ]\n}\n");

        ConfigFileException e = assertThrows(ConfigFileException.class, () -> PduDefinitionLoader.load(file));

        assertEquals(file, e.file());
        assertEquals("$", e.jsonPath());
        assertTrue(e.problem().startsWith("not valid JSON: Unexpected character ('}'"), e.problem());
        assertTrue(e.problem().endsWith(" at line 3, column 23"), e.problem());
    }

    @Test
    void load_rootIsNotAnObject_fails() throws IOException {
        assertLoadFails(write("pdu_config.json", "[]"), "$", "expected an object, found an array");
    }

    @Test
    void load_serviceJsonByMistake_failsOnMissingRobots() throws IOException {
        Path file = write("service.json", """
                {"pduMetaDataSize": 24, "services": [], "nodes": []}
                """);

        assertLoadFails(file, "$", "missing required field \"robots\"");
    }

    @Test
    void load_robotsIsNotAnArray_fails() throws IOException {
        assertLoadFails(write("pdu_config.json", "{\"robots\": {\"name\": \"drone1\"}}"),
                "$.robots", "expected an array, found an object");
    }

    // ---- errors: legacy entries ----

    @Test
    void load_robotWithoutName_fails() throws IOException {
        Path file = write("pdu_config.json", """
                {"robots": [{"shm_pdu_readers": []}]}
                """);

        assertLoadFails(file, "$.robots[0]", "missing required field \"name\"");
    }

    @Test
    void load_channelIdIsAString_failsAtThatField() throws IOException {
        Path file = write("pdu_config.json", """
                {"robots": [
                  {"name": "drone1", "shm_pdu_readers": [{"type": "t", "org_name": "pos", "channel_id": 0, "pdu_size": 72}]},
                  {"name": "drone2", "shm_pdu_readers": [{"type": "t", "org_name": "pos", "channel_id": "abc", "pdu_size": 72}]}
                ]}
                """);

        assertLoadFails(file, "$.robots[1].shm_pdu_readers[0].channel_id", "expected an integer, found \"abc\"");
    }

    @Test
    void load_channelIdIsAFraction_fails() throws IOException {
        Path file = legacyWithEntries("{\"type\": \"t\", \"org_name\": \"pos\", \"channel_id\": 1.5, \"pdu_size\": 72}");

        assertLoadFails(file, "$.robots[0].shm_pdu_readers[0].channel_id", "expected an integer, found 1.5");
    }

    @Test
    void load_negativeChannelId_fails() throws IOException {
        Path file = legacyWithEntries("{\"type\": \"t\", \"org_name\": \"pos\", \"channel_id\": -1, \"pdu_size\": 72}");

        assertLoadFails(file, "$.robots[0].shm_pdu_readers[0].channel_id", "expected a non-negative integer, found -1");
    }

    @Test
    void load_zeroPduSize_fails() throws IOException {
        Path file = legacyWithEntries("{\"type\": \"t\", \"org_name\": \"pos\", \"channel_id\": 0, \"pdu_size\": 0}");

        assertLoadFails(file, "$.robots[0].shm_pdu_readers[0].pdu_size", "expected a positive integer, found 0");
    }

    @Test
    void load_pduSizeBeyondInt_fails() throws IOException {
        Path file = legacyWithEntries("{\"type\": \"t\", \"org_name\": \"pos\", \"channel_id\": 0, \"pdu_size\": 99999999999}");

        assertLoadFails(file, "$.robots[0].shm_pdu_readers[0].pdu_size",
                "expected an integer no larger than 2147483647, found 99999999999");
    }

    @Test
    void load_entryWithoutType_fails() throws IOException {
        Path file = legacyWithEntries("{\"org_name\": \"pos\", \"channel_id\": 0, \"pdu_size\": 72}");

        assertLoadFails(file, "$.robots[0].shm_pdu_readers[0]", "missing required field \"type\"");
    }

    @Test
    void load_entryWithoutOrgName_fails() throws IOException {
        Path file = legacyWithEntries("{\"type\": \"t\", \"name\": \"drone1_pos\", \"channel_id\": 0, \"pdu_size\": 72}");

        assertLoadFails(file, "$.robots[0].shm_pdu_readers[0]", "missing required field \"org_name\"");
    }

    @Test
    void load_orgNameIsNull_fails() throws IOException {
        Path file = legacyWithEntries("{\"type\": \"t\", \"org_name\": null, \"channel_id\": 0, \"pdu_size\": 72}");

        assertLoadFails(file, "$.robots[0].shm_pdu_readers[0].org_name", "expected a string, found null");
    }

    @Test
    void load_emptyOrgName_fails() throws IOException {
        Path file = legacyWithEntries("{\"type\": \"t\", \"org_name\": \"\", \"channel_id\": 0, \"pdu_size\": 72}");

        assertLoadFails(file, "$.robots[0].shm_pdu_readers[0].org_name", "expected a non-empty string, found \"\"");
    }

    @Test
    void load_readersIsNotAnArray_fails() throws IOException {
        Path file = write("pdu_config.json", """
                {"robots": [{"name": "drone1", "shm_pdu_readers": {"org_name": "pos"}}]}
                """);

        assertLoadFails(file, "$.robots[0].shm_pdu_readers", "expected an array, found an object");
    }

    @Test
    void load_entryIsNotAnObject_fails() throws IOException {
        assertLoadFails(legacyWithEntries("\"pos\""), "$.robots[0].shm_pdu_readers[0]", "expected an object, found \"pos\"");
    }

    @Test
    void load_channelDefinedTwiceWithDifferentTopics_failsAtTheSecondTopic() throws IOException {
        Path file = write("pdu_config.json", """
                {"robots": [{"name": "drone1",
                  "shm_pdu_readers": [{"type": "geometry_msgs/Twist", "org_name": "pos", "channel_id": 0, "pdu_size": 72}],
                  "shm_pdu_writers": [{"type": "geometry_msgs/Twist", "org_name": "vel", "channel_id": 0, "pdu_size": 72}]}]}
                """);

        assertLoadFails(file, "$.robots[0].shm_pdu_writers[0].org_name",
                "channel 0 of robot drone1 is defined twice with different topics (pos, vel)");
    }

    @Test
    void load_channelDefinedTwiceWithDifferentSizes_failsAtTheSecondSize() throws IOException {
        Path file = write("pdu_config.json", """
                {"robots": [{"name": "drone1",
                  "shm_pdu_readers": [{"type": "geometry_msgs/Twist", "org_name": "pos", "channel_id": 0, "pdu_size": 72}],
                  "shm_pdu_writers": [{"type": "geometry_msgs/Twist", "org_name": "pos", "channel_id": 0, "pdu_size": 80}]}]}
                """);

        assertLoadFails(file, "$.robots[0].shm_pdu_writers[0].pdu_size",
                "channel 0 of robot drone1 is defined twice with different pdu sizes (72, 80)");
    }

    @Test
    void load_channelDefinedTwiceWithDifferentTypes_failsAtTheSecondType() throws IOException {
        Path file = legacyWithEntries(
                "{\"type\": \"geometry_msgs/Twist\", \"org_name\": \"pos\", \"channel_id\": 0, \"pdu_size\": 72}",
                "{\"type\": \"std_msgs/UInt64\", \"org_name\": \"pos\", \"channel_id\": 0, \"pdu_size\": 72}");

        assertLoadFails(file, "$.robots[0].shm_pdu_readers[1].type",
                "channel 0 of robot drone1 is defined twice with different types (geometry_msgs/Twist, std_msgs/UInt64)");
    }

    @Test
    void load_topicOnTwoChannels_failsAtTheSecondChannelId() throws IOException {
        Path file = legacyWithEntries(
                "{\"type\": \"t\", \"org_name\": \"pos\", \"channel_id\": 0, \"pdu_size\": 72}",
                "{\"type\": \"t\", \"org_name\": \"pos\", \"channel_id\": 1, \"pdu_size\": 72}");

        assertLoadFails(file, "$.robots[0].shm_pdu_readers[1].channel_id",
                "topic pos of robot drone1 is defined twice on different channels (0, 1)");
    }

    @Test
    void load_robotListedTwice_isCheckedAsOneRobot() throws IOException {
        Path file = write("pdu_config.json", """
                {"robots": [
                  {"name": "drone1", "shm_pdu_readers": [{"type": "t", "org_name": "pos", "channel_id": 0, "pdu_size": 72}]},
                  {"name": "drone1", "shm_pdu_readers": [{"type": "t", "org_name": "vel", "channel_id": 0, "pdu_size": 72}]}
                ]}
                """);

        assertLoadFails(file, "$.robots[1].shm_pdu_readers[0].org_name",
                "channel 0 of robot drone1 is defined twice with different topics (pos, vel)");
    }

    // ---- errors: compact form ----

    @Test
    void load_unknownPdutypesId_failsListingTheKnownIds() throws IOException {
        write("pdutypes.json", "[]");
        Path file = write("pdudef.json", """
                {"paths": [{"id": "default", "path": "pdutypes.json"}, {"id": "arm", "path": "pdutypes.json"}],
                 "robots": [{"name": "Drone", "pdutypes_id": "x"}]}
                """);

        assertLoadFails(file, "$.robots[0].pdutypes_id", "pdutypes_id \"x\" is not one of the ids in $.paths (default, arm)");
    }

    @Test
    void load_pdutypesIdWithEmptyPaths_saysThereAreNone() throws IOException {
        Path file = write("pdudef.json", """
                {"paths": [], "robots": [{"name": "Drone", "pdutypes_id": "default"}]}
                """);

        assertLoadFails(file, "$.robots[0].pdutypes_id",
                "pdutypes_id \"default\" is not one of the ids in $.paths (there are none)");
    }

    @Test
    void load_robotWithoutPdutypesId_fails() throws IOException {
        write("pdutypes.json", "[]");
        Path file = write("pdudef.json", """
                {"paths": [{"id": "default", "path": "pdutypes.json"}], "robots": [{"name": "Drone"}]}
                """);

        assertLoadFails(file, "$.robots[0]", "missing required field \"pdutypes_id\"");
    }

    @Test
    void load_pathsIsNotAnArray_fails() throws IOException {
        Path file = write("pdudef.json", """
                {"paths": {"default": "pdutypes.json"}, "robots": []}
                """);

        assertLoadFails(file, "$.paths", "expected an array, found an object");
    }

    @Test
    void load_pathIdUsedTwice_fails() throws IOException {
        write("pdutypes.json", "[]");
        Path file = write("pdudef.json", """
                {"paths": [{"id": "default", "path": "pdutypes.json"}, {"id": "default", "path": "pdutypes.json"}],
                 "robots": []}
                """);

        assertLoadFails(file, "$.paths[1].id", "id \"default\" is used twice in $.paths");
    }

    @Test
    void load_missingPdutypesFile_failsAtThePathNamingTheResolvedFile() throws IOException {
        Path file = write("conf/pdudef.json", """
                {"paths": [{"id": "default", "path": "pdutypes.json"}], "robots": [{"name": "Drone", "pdutypes_id": "default"}]}
                """);

        assertLoadFails(file, "$.paths[0].path", "file not found: " + dir.resolve("conf/pdutypes.json"));
    }

    @Test
    void load_badPdutypesEntry_failsInThePdutypesFile() throws IOException {
        Path types = write("pdutypes.json", """
                [{"channel_id": 0, "pdu_size": 72, "name": "pos", "type": "geometry_msgs/Twist"},
                 {"channel_id": "1", "pdu_size": 72, "name": "vel", "type": "geometry_msgs/Twist"}]
                """);
        write("pdudef.json", """
                {"paths": [{"id": "default", "path": "pdutypes.json"}], "robots": [{"name": "Drone", "pdutypes_id": "default"}]}
                """);

        assertLoadFails(dir.resolve("pdudef.json"), types, "$[1].channel_id", "expected an integer, found \"1\"");
    }

    @Test
    void load_pdutypesEntryWithoutName_fails() throws IOException {
        Path types = write("pdutypes.json", """
                [{"channel_id": 0, "pdu_size": 72, "org_name": "pos", "type": "geometry_msgs/Twist"}]
                """);
        Path file = write("pdudef.json", """
                {"paths": [{"id": "default", "path": "pdutypes.json"}], "robots": [{"name": "Drone", "pdutypes_id": "default"}]}
                """);

        assertLoadFails(file, types, "$[0]", "missing required field \"name\"");
    }

    @Test
    void load_pdutypesNotAnArray_fails() throws IOException {
        Path types = write("pdutypes.json", """
                {"channel_id": 0, "pdu_size": 72, "name": "pos", "type": "geometry_msgs/Twist"}
                """);
        Path file = write("pdudef.json", """
                {"paths": [{"id": "default", "path": "pdutypes.json"}], "robots": [{"name": "Drone", "pdutypes_id": "default"}]}
                """);

        assertLoadFails(file, types, "$", "expected an array, found an object");
    }

    @Test
    void load_pdutypesNotJson_failsNamingThePdutypesFile() throws IOException {
        Path types = write("pdutypes.json", "[{\"channel_id\": 0,");
        Path file = write("pdudef.json", """
                {"paths": [{"id": "default", "path": "pdutypes.json"}], "robots": [{"name": "Drone", "pdutypes_id": "default"}]}
                """);

        ConfigFileException e = assertThrows(ConfigFileException.class, () -> PduDefinitionLoader.load(file));

        assertEquals(types, e.file());
        assertTrue(e.problem().startsWith("not valid JSON: "), e.problem());
    }

    @Test
    void load_pdutypesChannelDefinedTwice_failsInThePdutypesFile() throws IOException {
        Path types = write("pdutypes.json", """
                [{"channel_id": 1, "pdu_size": 72, "name": "pos", "type": "geometry_msgs/Twist"},
                 {"channel_id": 1, "pdu_size": 72, "name": "vel", "type": "geometry_msgs/Twist"}]
                """);
        Path file = write("pdudef.json", """
                {"paths": [{"id": "default", "path": "pdutypes.json"}], "robots": [{"name": "Drone", "pdutypes_id": "default"}]}
                """);

        assertLoadFails(file, types, "$[1].name", "channel 1 of robot Drone is defined twice with different topics (pos, vel)");
    }

    // ---- helpers ----

    private Path write(String name, String json) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, json);
    }

    private Path legacyWithEntries(String... entries) throws IOException {
        return write("pdu_config.json",
                "{\"robots\": [{\"name\": \"drone1\", \"shm_pdu_readers\": [" + String.join(", ", entries) + "]}]}");
    }

    private static void assertLoadFails(Path file, String jsonPath, String problem) {
        assertLoadFails(file, file, jsonPath, problem);
    }

    private static void assertLoadFails(Path loaded, Path blamed, String jsonPath, String problem) {
        ConfigFileException e = assertThrows(ConfigFileException.class, () -> PduDefinitionLoader.load(loaded));

        assertEquals(blamed + ": " + jsonPath + ": " + problem, e.getMessage());
        assertEquals(blamed, e.file());
        assertEquals(jsonPath, e.jsonPath());
        assertEquals(problem, e.problem());
    }
}
