package org.hakoniwa.bridge.sim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigDocsTest {
    @Test
    void markdownTable_hasAHeaderAndOneRowPerKey_plusTheExtensionNamespace() {
        List<String> lines = ConfigDocs.markdownTable().lines().toList();

        assertEquals("| Key | Type | Default | Description |", lines.get(0));
        assertEquals("|---|---|---|---|", lines.get(1));
        assertEquals(2 + BridgeKeys.all().size() + 1, lines.size());
        assertEquals("| `bridge.port` | int 0..65535 | `8080` | " + BridgeKeys.PORT.description() + " |", lines.get(3));
        assertTrue(lines.contains("| `bridge.pdu-config` | path or unset | unset | "
                + BridgeKeys.PDU_CONFIG.description() + " |"));
        assertTrue(lines.get(lines.size() - 1).startsWith("| `bridge.ext.*` | string | unset | "));
    }

    @Test
    void updateReadme_replacesOnlyTheTextBetweenTheMarkers() {
        String readme = "# Bridge\r\n\r\n" + ConfigDocs.BEGIN_MARKER + "\r\nold table\r\n" + ConfigDocs.END_MARKER
                + "\r\n\r\nMore text.\r\n";

        String updated = ConfigDocs.updateReadme(readme);

        assertEquals("# Bridge\n\n" + ConfigDocs.BEGIN_MARKER + "\n" + ConfigDocs.markdownTable()
                + ConfigDocs.END_MARKER + "\n\nMore text.\n", updated);
        assertEquals(updated, ConfigDocs.updateReadme(updated));
    }

    @Test
    void updateReadme_withoutMarkers_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> ConfigDocs.updateReadme("# Bridge\n"));
    }
}
