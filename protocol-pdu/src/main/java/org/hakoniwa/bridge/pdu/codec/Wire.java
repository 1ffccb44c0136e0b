package org.hakoniwa.bridge.pdu.codec;

/** Byte offsets and constants of WIRE.md section 2, shared by the decoder and the encoder. */
final class Wire {
    /** "HAKO" ({@code 4F 4B 41 48}): the v2 header magic, in both v2 forms. */
    static final int HAKO_MAGIC = 0x48414B4F;
    static final int V2_VERSION = 2;
    /** {@code total_len} is this plus {@code body_len} in both v2 forms. */
    static final int TOTAL_LEN_BASE = 172;
    /** A v2 name field is 128 bytes, NUL-terminated when shorter, so a writer puts at most 127. */
    static final int NAME_FIELD = 128;
    static final int MAX_V2_NAME = NAME_FIELD - 1;

    // v2, current 304-byte header (WIRE.md 2.1).
    static final int V2_HEADER = 304;
    static final int V2_NAME = 0;
    static final int V2_MAGIC_AT = 128;
    static final int V2_VERSION_AT = 132;
    static final int V2_TYPE = 140;
    static final int V2_TOTAL_LEN = 144;
    static final int V2_BODY_LEN = 148;
    static final int V2_TIMES = 152;
    static final int V2_CHANNEL = 176;

    // v2, legacy 200-byte header (WIRE.md 2.2), which starts with a PduMetaData.
    static final int LEGACY_HEADER = 200;
    static final int META_MAGIC = 0x12345678;
    static final int META_VERSION = 1;
    static final int META_SIZE = 24;
    static final int LEGACY_META_VERSION_AT = 4;
    static final int LEGACY_BASE_OFF = 8;
    static final int LEGACY_HEAP_OFF = 12;
    static final int LEGACY_TOTAL_SIZE = 16;
    static final int LEGACY_TOTAL_LEN = 24;
    static final int LEGACY_MAGIC_AT = 28;
    static final int LEGACY_VERSION_AT = 32;
    static final int LEGACY_TYPE = 36;
    static final int LEGACY_TIMES = 40;
    static final int LEGACY_NAME = 64;
    static final int LEGACY_CHANNEL = 192;
    static final int LEGACY_BODY_LEN = 196;

    // v1 (WIRE.md 2.3): header_len, name_len, name, channel, body.
    static final int V1_HEADER_LEN = 0;
    static final int V1_NAME_LEN = 4;
    static final int V1_NAME = 8;
    /** header_len + name_len + channel_id, around a name of any length. */
    static final int V1_FIXED = 12;
    /** A v1 control message is a body of exactly this many bytes, equal to the type code. */
    static final int V1_CONTROL_BODY = 4;

    private Wire() {
    }
}
