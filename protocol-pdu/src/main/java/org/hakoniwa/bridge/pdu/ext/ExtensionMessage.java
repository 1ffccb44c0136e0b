package org.hakoniwa.bridge.pdu.ext;

import java.util.Map;

/**
 * One extension request as decoded from CBOR: its operation, its id (echoed in the answer) and its fields.
 */
record ExtensionMessage(String op, Object id, Map<String, Object> fields) {
    String string(String name) throws ExtensionException {
        Object value = fields.get(name);
        if (value instanceof String text) {
            return text;
        }
        throw ExtensionException.badRequest(value == null ? "missing field \"" + name + "\""
                : "field \"" + name + "\" must be a text string");
    }

    int integer(String name) throws ExtensionException {
        Object value = fields.get(name);
        if (value instanceof Integer number) {
            return number;
        }
        if (value instanceof Long number && number == number.intValue()) {
            return number.intValue();
        }
        throw ExtensionException.badRequest(value == null ? "missing field \"" + name + "\""
                : "field \"" + name + "\" must be a 32-bit integer");
    }

    long optionalLong(String name, long fallback) throws ExtensionException {
        Object value = fields.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        throw ExtensionException.badRequest("field \"" + name + "\" must be an integer");
    }

    boolean optionalBoolean(String name, boolean fallback) throws ExtensionException {
        Object value = fields.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        throw ExtensionException.badRequest("field \"" + name + "\" must be true or false");
    }

    String optionalString(String name) throws ExtensionException {
        Object value = fields.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw ExtensionException.badRequest("field \"" + name + "\" must be a text string");
    }
}
