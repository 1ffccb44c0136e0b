package org.hakoniwa.bridge.pdu.codec;

import java.util.Optional;

/**
 * The {@code meta_request_type} codes of WIRE.md section 3, plus the bridge's own extension type.
 * A code is a little-endian u32 on the wire; {@link #code()} is its value.
 */
public enum MessageType {
    PDU_DATA(0x42555043),
    DECLARE_PDU_FOR_READ(0x52455044),
    DECLARE_PDU_FOR_WRITE(0x57505044),
    REQUEST_PDU_READ(0x57505045),
    REGISTER_RPC_CLIENT(0x43505244),
    PDU_DATA_RPC_REQUEST(0x43505243),
    PDU_DATA_RPC_REPLY(0x43505253),
    /**
     * The bridge's extension message (LE bytes {@code 48 42 58 54}, "HBXT"): v2 only, CBOR body, sent
     * only to clients that opted in (WIRE.md section 7).
     */
    BRIDGE_EXTENSION(0x54584248);

    // values() clones its array on every call; the decoder looks types up per message.
    private static final MessageType[] VALUES = values();

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    /** The wire value of this type. */
    public int code() {
        return code;
    }

    /** The type with this wire value, or empty if the value is not a known type (including 0). */
    public static Optional<MessageType> fromCode(int code) {
        MessageType type = byCode(code);
        return type == null ? Optional.empty() : Optional.of(type);
    }

    /**
     * True for the three client-to-server control messages that v1 can express (as a 4-byte body equal to
     * the code): {@link #DECLARE_PDU_FOR_READ}, {@link #DECLARE_PDU_FOR_WRITE}, {@link #REQUEST_PDU_READ}.
     */
    public boolean isV1Control() {
        return this == DECLARE_PDU_FOR_READ || this == DECLARE_PDU_FOR_WRITE || this == REQUEST_PDU_READ;
    }

    /** Allocation-free lookup for the decoder: the type, or null if unknown. */
    static MessageType byCode(int code) {
        for (MessageType type : VALUES) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }
}
