package org.hakoniwa.bridge.pdu.ext;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/** CBOR maps in and out of extension frame bodies (jackson-dataformat-cbor). Thread-safe. */
final class ExtensionCodec {
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final CBORMapper mapper = new CBORMapper();

    ExtensionMessage decode(ByteBuffer body) throws ExtensionException {
        byte[] bytes = new byte[body.remaining()];
        body.duplicate().get(bytes);
        Map<String, Object> fields;
        try {
            fields = mapper.readValue(bytes, MAP);
        } catch (IOException e) {
            throw new ExtensionException("malformed", "the body is not a CBOR map: " + firstLine(e.getMessage()));
        }
        if (fields == null) {
            throw new ExtensionException("malformed", "the body is not a CBOR map");
        }
        Object op = fields.get("op");
        if (!(op instanceof String name)) {
            throw ExtensionException.badRequest("missing text field \"op\"");
        }
        return new ExtensionMessage(name, fields.get("id"), fields);
    }

    ByteBuffer encode(Map<String, Object> message) {
        try {
            return ByteBuffer.wrap(mapper.writeValueAsBytes(message));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode an extension message " + message, e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
