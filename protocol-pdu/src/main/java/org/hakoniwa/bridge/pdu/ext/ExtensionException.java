package org.hakoniwa.bridge.pdu.ext;

/** An extension request the bridge refuses; the client gets an error answer with {@link #code()} and the message. */
final class ExtensionException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String code;

    ExtensionException(String code, String message) {
        super(message);
        this.code = code;
    }

    static ExtensionException badRequest(String message) {
        return new ExtensionException("bad-request", message);
    }

    String code() {
        return code;
    }
}
