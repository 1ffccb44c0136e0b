package org.hakoniwa.bridge.sim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandLineTest {
    @Test
    void parse_keyOptions_takeTheValueAfterThemOrAfterEquals() {
        assertEquals(List.of(cli("bridge.port", "9090", "--port"), cli("bridge.bind", "0.0.0.0", "--bind"),
                cli("bridge.backpressure.policy", "drop-oldest", "--backpressure.policy")),
                settings("--port", "9090", "--bind=0.0.0.0", "--backpressure.policy", "drop-oldest"));
    }

    @Test
    void parse_namedOptions_setTheirKeys() {
        assertEquals(List.of(cli("bridge.pdu-config", "p.json", "--pdu-config"),
                cli("bridge.service-config", "s.json", "--service-config"),
                cli("bridge.plugin-dir", "plugins", "--plugin-dir"),
                cli("bridge.demo.publish-hz", "5", "--publish-hz"),
                cli("bridge.max-clients", "4", "--max-clients"),
                cli("bridge.multi-client-enabled", "true", "--multi-client")),
                settings("--pdu-config", "p.json", "--service-config", "s.json", "--plugin-dir", "plugins",
                        "--publish-hz", "5", "--max-clients", "4", "--multi-client"));
    }

    @Test
    void parse_booleanOptionAlone_meansTrue_andNeverTakesTheNextArgument() {
        assertEquals(List.of(cli("bridge.permessage-deflate", "true", "--permessage-deflate"),
                cli("bridge.port", "1", "--port"), cli("bridge.pdu.relay-client-writes", "false",
                        "--pdu.relay-client-writes")),
                settings("--permessage-deflate", "--port", "1", "--pdu.relay-client-writes=false"));
    }

    @Test
    void parse_setAndDefine_takeKeyEqualsValue() {
        assertEquals(List.of(cli("bridge.ping-interval", "5s", "--set"), cli("bridge.max-clients", "2", "--set"),
                cli("bridge.rpc.deadline", "1s=x", "-Dbridge.rpc.deadline")),
                settings("--set", "bridge.ping-interval=5s", "--set=bridge.max-clients=2",
                        "-Dbridge.rpc.deadline=1s=x"));
    }

    @Test
    void parse_config_isKeptApartFromTheSettings() {
        CommandLine.Arguments arguments = CommandLine.parse(List.of("--config", "bridge.properties", "--port", "1"));

        assertEquals(Optional.of(Path.of("bridge.properties")), arguments.configFile());
        assertEquals(List.of(cli("bridge.port", "1", "--port")), arguments.settings());
    }

    @Test
    void parse_help_winsOverEverythingElse() {
        assertTrue(CommandLine.parse(List.of("--port", "x", "--help", "--nonsense")).helpRequested());
        assertTrue(CommandLine.parse(List.of("-h")).helpRequested());
        assertFalse(CommandLine.parse(List.of()).helpRequested());
    }

    @Test
    void parse_unknownOption_suggestsTheClosestOption() {
        assertEquals("Unknown command-line option --max-client; did you mean --max-clients?",
                error("--max-client", "4"));
        assertEquals("Unknown command-line option --bridge.max-clients; did you mean --max-clients?",
                error("--bridge.max-clients=4"));
        assertEquals("Unknown command-line option --confg; did you mean --config?", error("--confg", "x"));
    }

    @Test
    void parse_unknownOptionLikeNoOther_pointsToHelp() {
        assertEquals("Unknown command-line option --frobnicate; see --help for the options", error("--frobnicate"));
    }

    @Test
    void parse_singleDashOrBareWord_isRefused() {
        assertEquals("Unexpected command-line argument foo: options start with -- (see --help)", error("foo"));
        assertEquals("Unexpected command-line argument -p: options start with -- (see --help)", error("-p", "1"));
    }

    @Test
    void parse_optionWithoutItsValue_isRefused() {
        assertEquals("Option --port needs a value (see --help)", error("--port"));
        assertEquals("Option --bind needs a value (see --help)", error("--bind", "--port", "1"));
    }

    @Test
    void parse_setWithoutEquals_showsTheForm() {
        assertEquals("Command-line argument --set bridge.port needs the form KEY=VALUE,"
                + " e.g. --set bridge.max-clients=4",
                error("--set", "bridge.port"));
        assertEquals("Command-line argument -Dbridge.port needs the form KEY=VALUE, e.g. -Dbridge.max-clients=4",
                error("-Dbridge.port"));
    }

    @Test
    void parse_configTwice_isRefused() {
        assertEquals("Option --config is given twice; give one file", error("--config", "a", "--config", "b"));
    }

    @Test
    void parse_multiClientWithValue_pointsToTheKey() {
        assertEquals("Option --multi-client takes no value; use --set bridge.multi-client-enabled=false instead",
                error("--multi-client=false"));
    }

    @Test
    void usage_listsEveryKeyWithTypeDefaultAndDescription() {
        String usage = CommandLine.usage();

        for (ConfigKey<?> key : BridgeKeys.all()) {
            assertTrue(usage.contains("  " + key.name() + " (" + key.type() + ", default " + key.defaultText()
                    + ")\n      " + key.description() + "\n"), key.name());
        }
        assertTrue(usage.contains("--config FILE"));
        assertTrue(usage.contains("--set KEY=VALUE"));
    }

    private static Setting cli(String key, String value, String option) {
        return new Setting(key, value, ValueOrigin.commandLine(option));
    }

    private static List<Setting> settings(String... args) {
        return CommandLine.parse(List.of(args)).settings();
    }

    private static String error(String... args) {
        return assertThrows(ConfigurationException.class, () -> CommandLine.parse(List.of(args))).getMessage();
    }
}
