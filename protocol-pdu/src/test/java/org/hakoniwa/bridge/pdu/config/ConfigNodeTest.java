package org.hakoniwa.bridge.pdu.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class ConfigNodeTest {
    @TempDir
    Path dir;

    @Test
    void read_missingFile_failsWithFileNotFound() {
        Path file = dir.resolve("missing.json");

        assertFails("$", "file not found", file, () -> ConfigNode.read(file));
    }

    @Test
    void read_directory_fails() {
        assertFails("$", "is a directory, not a file", dir, () -> ConfigNode.read(dir));
    }

    @Test
    void read_emptyFile_fails() throws IOException {
        Path file = write("");

        assertFails("$", "not valid JSON: the file is empty", file, () -> ConfigNode.read(file));
    }

    @Test
    void read_truncatedJson_reportsWhereTheInputEnded() throws IOException {
        Path file = write("{\"robots\": [");

        assertFails("$", "not valid JSON: Unexpected end-of-input: expected close marker for Array "
                + "(start marker at [line: 1, column: 12]) at line 1, column 13", file, () -> ConfigNode.read(file));
    }

    @Test
    void read_contentAfterTheValue_fails() throws IOException {
        Path file = write("{\"a\": 1}\n{\"b\": 2}");

        assertFails("$", "not valid JSON: unexpected content after the end of the JSON value at line 2, column 1",
                file, () -> ConfigNode.read(file));
    }

    @Test
    void read_trailingWhitespace_isFine() throws IOException {
        assertEquals(List.of("a"), ConfigNode.read(write("{\"a\": 1}\n\n  ")).fieldNames());
    }

    @Test
    void get_missingField_failsAtTheObject() throws IOException {
        ConfigNode root = ConfigNode.read(write("{\"outer\": {\"a\": 1}}"));

        assertFails("$.outer", "missing required field \"b\"", root.file(), () -> root.get("outer").get("b"));
    }

    @Test
    void get_onANonObject_failsNamingWhatWasFound() throws IOException {
        ConfigNode root = ConfigNode.read(write("{\"list\": [true]}"));

        assertFails("$.list[0]", "expected an object, found true", root.file(),
                () -> root.array("list").get(0).get("x"));
    }

    @Test
    void path_ofAnOddFieldName_usesBracketNotation() throws IOException {
        ConfigNode root = ConfigNode.read(write("{\"my key\": {\"it's\": 1}}"));

        assertEquals("$['my key']['it\\'s']", root.get("my key").get("it's").path());
    }

    @Test
    void asString_ofANumber_quotesNothing() throws IOException {
        ConfigNode root = ConfigNode.read(write("{\"name\": 12}"));

        assertFails("$.name", "expected a string, found 12", root.file(), () -> root.string("name"));
    }

    @Test
    void asString_ofAStringWithAQuote_showsItAsJson() throws IOException {
        ConfigNode root = ConfigNode.read(write("{\"n\": \"say \\\"hi\\\"\"}"));

        assertFails("$.n", "expected an integer, found \"say \\\"hi\\\"\"", root.file(), () -> root.integer("n", 0));
    }

    @Test
    void asInt_belowAnArbitraryMinimum_namesTheMinimum() throws IOException {
        ConfigNode root = ConfigNode.read(write("{\"n\": 4}"));

        assertFails("$.n", "expected an integer no smaller than 5, found 4", root.file(), () -> root.integer("n", 5));
    }

    @Test
    void asInt_ofAHugeNegativeNumber_isBelowTheMinimum() throws IOException {
        ConfigNode root = ConfigNode.read(write("{\"n\": -99999999999}"));

        assertFails("$.n", "expected a non-negative integer, found -99999999999", root.file(), () -> root.integer("n", 0));
    }

    @Test
    void asInt_ofAnArray_saysArray() throws IOException {
        ConfigNode root = ConfigNode.read(write("{\"n\": [1]}"));

        assertFails("$.n", "expected an integer, found an array", root.file(), () -> root.integer("n", 0));
    }

    @Test
    void asInt_inRange_returnsTheValue() throws IOException {
        assertEquals(2147483647, ConfigNode.read(write("{\"n\": 2147483647}")).integer("n", 1));
    }

    @Test
    void optionalArray_absent_isEmpty_present_isIndexed() throws IOException {
        ConfigNode root = ConfigNode.read(write("{\"xs\": [1, 2]}"));

        assertEquals(List.of(), root.optionalArray("ys"));
        assertEquals(List.of("$.xs[0]", "$.xs[1]"), root.optionalArray("xs").stream().map(ConfigNode::path).toList());
    }

    @Test
    void optional_absentField_isEmpty() throws IOException {
        assertEquals(Optional.empty(), ConfigNode.read(write("{}")).optional("x"));
    }

    @Test
    void fieldNames_areInFileOrder() throws IOException {
        assertEquals(List.of("z", "a", "m"), ConfigNode.read(write("{\"z\": 1, \"a\": 2, \"m\": 3}")).fieldNames());
    }

    @Test
    void errorAt_pointsAtTheFieldEvenIfAbsent() throws IOException {
        ConfigNode root = ConfigNode.read(write("{}"));

        assertEquals(root.file() + ": $.x: bad", root.errorAt("x", "bad").getMessage());
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("config.json"), content);
    }

    private static void assertFails(String jsonPath, String problem, Path file, Executable action) {
        ConfigFileException e = assertThrows(ConfigFileException.class, action);

        assertEquals(file + ": " + jsonPath + ": " + problem, e.getMessage());
        assertEquals(file, e.file());
        assertEquals(jsonPath, e.jsonPath());
        assertEquals(problem, e.problem());
    }
}
