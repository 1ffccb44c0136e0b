package org.hakoniwa.bridge.sim.config;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The configuration table of the repository's README is the one generated from {@link BridgeKeys}. */
class ReadmeConfigTableTest {
    private static final Path README = Path.of("..", "README.md");

    @Test
    void readme_configurationTable_matchesTheKeyRegistry() throws Exception {
        assertTrue(Files.isRegularFile(README), README.toAbsolutePath() + " is missing");
        String readme = Files.readString(README, UTF_8).replace("\r\n", "\n");
        int begin = readme.indexOf(ConfigDocs.BEGIN_MARKER + "\n");
        int end = readme.indexOf(ConfigDocs.END_MARKER, begin);
        assertTrue(begin >= 0 && end >= 0,
                "README.md needs the lines " + ConfigDocs.BEGIN_MARKER + " and " + ConfigDocs.END_MARKER);

        String table = readme.substring(begin + ConfigDocs.BEGIN_MARKER.length() + 1, end);

        assertEquals(ConfigDocs.markdownTable(), table, "README.md's configuration table is out of date with"
                + " BridgeKeys; regenerate it from the repository root with: mvn -q -pl plugin-sim -am compile &&"
                + " java -cp plugin-sim/target/classes org.hakoniwa.bridge.sim.config.ConfigDocs --update README.md");
    }
}
