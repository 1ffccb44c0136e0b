package org.hakoniwa.bridge.bench.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControlReplyTest {
    @Test
    void format_thenParse_givesTheFieldsBackWithSpacesReplaced() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("port", 8080);
        fields.put("policy", "skip when busy");
        ControlReply reply = ControlReply.parse(ControlReply.format("READY", fields));
        assertEquals("READY", reply.status());
        assertEquals(Map.of("port", "8080", "policy", "skip_when_busy"), reply.fields());
        assertEquals(8080, reply.longField("port"));
        assertTrue(reply.ok());
    }

    @Test
    void parse_error_keepsTheText() {
        ControlReply reply = ControlReply.parse("ERR only 3 of 10 readers after 100 ms");
        assertFalse(reply.ok());
        assertEquals("only 3 of 10 readers after 100 ms", reply.text());
    }

    @Test
    void isReply_jvmChatter_isNot() {
        assertFalse(ControlReply.isReply("[0.482s][info][jfr,startup] Started recording 1."));
        assertTrue(ControlReply.isReply("OK published=3"));
    }
}
