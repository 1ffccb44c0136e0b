package org.hakoniwa.bridge.pdu.codec;

import static org.hakoniwa.bridge.pdu.codec.Wire.HAKO_MAGIC;
import static org.hakoniwa.bridge.pdu.codec.Wire.LEGACY_BODY_LEN;
import static org.hakoniwa.bridge.pdu.codec.Wire.LEGACY_CHANNEL;
import static org.hakoniwa.bridge.pdu.codec.Wire.LEGACY_HEADER;
import static org.hakoniwa.bridge.pdu.codec.Wire.LEGACY_MAGIC_AT;
import static org.hakoniwa.bridge.pdu.codec.Wire.LEGACY_META_VERSION_AT;
import static org.hakoniwa.bridge.pdu.codec.Wire.LEGACY_NAME;
import static org.hakoniwa.bridge.pdu.codec.Wire.LEGACY_TIMES;
import static org.hakoniwa.bridge.pdu.codec.Wire.LEGACY_TYPE;
import static org.hakoniwa.bridge.pdu.codec.Wire.LEGACY_VERSION_AT;
import static org.hakoniwa.bridge.pdu.codec.Wire.META_MAGIC;
import static org.hakoniwa.bridge.pdu.codec.Wire.META_VERSION;
import static org.hakoniwa.bridge.pdu.codec.Wire.NAME_FIELD;
import static org.hakoniwa.bridge.pdu.codec.Wire.V1_CONTROL_BODY;
import static org.hakoniwa.bridge.pdu.codec.Wire.V1_FIXED;
import static org.hakoniwa.bridge.pdu.codec.Wire.V1_HEADER_LEN;
import static org.hakoniwa.bridge.pdu.codec.Wire.V1_NAME;
import static org.hakoniwa.bridge.pdu.codec.Wire.V1_NAME_LEN;
import static org.hakoniwa.bridge.pdu.codec.Wire.V2_BODY_LEN;
import static org.hakoniwa.bridge.pdu.codec.Wire.V2_CHANNEL;
import static org.hakoniwa.bridge.pdu.codec.Wire.V2_HEADER;
import static org.hakoniwa.bridge.pdu.codec.Wire.V2_MAGIC_AT;
import static org.hakoniwa.bridge.pdu.codec.Wire.V2_NAME;
import static org.hakoniwa.bridge.pdu.codec.Wire.V2_TIMES;
import static org.hakoniwa.bridge.pdu.codec.Wire.V2_TYPE;
import static org.hakoniwa.bridge.pdu.codec.Wire.V2_VERSION;
import static org.hakoniwa.bridge.pdu.codec.Wire.V2_VERSION_AT;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Detection and decoding of the three forms. Every method works on a private little-endian view that
 * starts at offset 0 (see {@link #view}), and checks each length against the view's limit in {@code long}
 * arithmetic before using it, so no input can make it throw anything but {@link FrameDecodeException}.
 */
final class FrameDecoder {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();

    // Why a message does not parse as v1 (0 = it does).
    private static final int V1_OK = 0;
    private static final int V1_SHORT = 1;
    private static final int V1_NAME_PAST_END = 2;
    private static final int V1_BAD_HEADER_LEN = 3;

    private FrameDecoder() {
    }

    /** A read-only little-endian view of the caller's remaining bytes at offset 0; the caller's buffer is untouched. */
    static ByteBuffer view(ByteBuffer message) {
        return message.slice().asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** WIRE.md 2.2, in its order: the 304-byte form, the 200-byte form, then v1; null if none. */
    static FrameForm formOf(ByteBuffer m) {
        int len = m.limit();
        if (len >= V2_HEADER && m.getInt(V2_MAGIC_AT) == HAKO_MAGIC && u16(m, V2_VERSION_AT) == V2_VERSION) {
            return FrameForm.V2_304;
        }
        if (len >= LEGACY_HEADER
                && m.getInt(0) == META_MAGIC
                && m.getInt(LEGACY_META_VERSION_AT) == META_VERSION
                && m.getInt(LEGACY_MAGIC_AT) == HAKO_MAGIC) {
            return FrameForm.V2_200;
        }
        if (v1Problem(m) == V1_OK) {
            return FrameForm.V1;
        }
        return null;
    }

    static Frame decode(ByteBuffer m) throws FrameDecodeException {
        FrameForm form = formOf(m);
        if (form == null) {
            throw unrecognised(m);
        }
        return switch (form) {
            case V2_304 -> decodeV2(m);
            case V2_200 -> decodeLegacy(m);
            case V1 -> decodeV1(m);
        };
    }

    private static Frame decodeV2(ByteBuffer m) throws FrameDecodeException {
        ByteBuffer body = body(m, V2_HEADER, u32(m, V2_BODY_LEN));
        MessageType type = type(m.getInt(V2_TYPE));
        String robot = nameField(m, V2_NAME);
        return new Frame(FrameForm.V2_304, type, robot, m.getInt(V2_CHANNEL), body,
                m.getLong(V2_TIMES), m.getLong(V2_TIMES + 8), m.getLong(V2_TIMES + 16));
    }

    private static Frame decodeLegacy(ByteBuffer m) throws FrameDecodeException {
        int version = u16(m, LEGACY_VERSION_AT);
        if (version != V2_VERSION) {
            throw new FrameDecodeException(DecodeFailure.BAD_VERSION,
                    "legacy v2 header version " + version + " at offset 32, expected 2");
        }
        ByteBuffer body = body(m, LEGACY_HEADER, u32(m, LEGACY_BODY_LEN));
        MessageType type = type(m.getInt(LEGACY_TYPE));
        String robot = nameField(m, LEGACY_NAME);
        return new Frame(FrameForm.V2_200, type, robot, m.getInt(LEGACY_CHANNEL), body,
                m.getLong(LEGACY_TIMES), m.getLong(LEGACY_TIMES + 8), m.getLong(LEGACY_TIMES + 16));
    }

    /** Only called once {@link #v1Problem} said yes, so name_len fits the message. */
    private static Frame decodeV1(ByteBuffer m) throws FrameDecodeException {
        int nameLen = (int) u32(m, V1_NAME_LEN);
        String robot = name(m, V1_NAME, nameLen);
        int channel = m.getInt(V1_NAME + nameLen);
        int bodyStart = V1_FIXED + nameLen;
        int bodyLen = m.limit() - bodyStart;
        if (bodyLen == V1_CONTROL_BODY) {
            MessageType control = MessageType.byCode(m.getInt(bodyStart));
            if (control != null && control.isV1Control()) {
                return Frame.of(FrameForm.V1, control, robot, channel, EMPTY);
            }
        }
        return Frame.of(FrameForm.V1, MessageType.PDU_DATA, robot, channel, m.slice(bodyStart, bodyLen));
    }

    private static ByteBuffer body(ByteBuffer m, int header, long bodyLen) throws FrameDecodeException {
        if (header + bodyLen > m.limit()) {
            throw new FrameDecodeException(DecodeFailure.BODY_PAST_END,
                    "body_len " + bodyLen + " runs past the end of the " + m.limit() + "-byte frame");
        }
        // Trailing bytes after the body are ignored (WIRE.md 2.1).
        return m.slice(header, (int) bodyLen);
    }

    private static MessageType type(int code) throws FrameDecodeException {
        MessageType type = MessageType.byCode(code);
        if (type == null) {
            throw new FrameDecodeException(DecodeFailure.UNKNOWN_TYPE,
                    "unknown meta_request_type " + hex(code));
        }
        return type;
    }

    /** A 128-byte v2 name field: the bytes before the first NUL, or all 128 if there is none. */
    private static String nameField(ByteBuffer m, int offset) throws FrameDecodeException {
        int length = 0;
        while (length < NAME_FIELD && m.get(offset + length) != 0) {
            length++;
        }
        return name(m, offset, length);
    }

    /** Strict UTF-8: malformed input, overlong forms and encoded surrogates are refused, not replaced. */
    private static String name(ByteBuffer m, int offset, int length) throws FrameDecodeException {
        byte[] bytes = new byte[length];
        m.get(offset, bytes);
        boolean ascii = true;
        for (byte b : bytes) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new FrameDecodeException(DecodeFailure.NAME_NOT_UTF8,
                    "robot name of " + length + " bytes at offset " + offset + " is not valid UTF-8");
        }
    }

    /**
     * v1 structure (WIRE.md 2.3): 12 bytes at least, the name and the channel inside the message, and
     * {@code 8 + name_len <= header_len <= message length}. Writers disagree on header_len ({@code 8 + name_len}
     * in Python and JavaScript, that plus the body length elsewhere), so any value in that range is accepted;
     * the range still rejects most non-v1 bytes.
     */
    private static int v1Problem(ByteBuffer m) {
        int len = m.limit();
        if (len < V1_FIXED) {
            return V1_SHORT;
        }
        long nameLen = u32(m, V1_NAME_LEN);
        if (nameLen > len - V1_FIXED) {
            return V1_NAME_PAST_END;
        }
        long headerLen = u32(m, V1_HEADER_LEN);
        if (headerLen < V1_NAME + nameLen || headerLen > len) {
            return V1_BAD_HEADER_LEN;
        }
        return V1_OK;
    }

    /** The failure for a message that is in no form, naming the most likely intended form. */
    private static FrameDecodeException unrecognised(ByteBuffer m) {
        int len = m.limit();
        if (len == 0) {
            return new FrameDecodeException(DecodeFailure.EMPTY, "empty message");
        }
        if (len >= V2_MAGIC_AT + 4 && m.getInt(V2_MAGIC_AT) == HAKO_MAGIC) {
            if (len < V2_HEADER) {
                return new FrameDecodeException(DecodeFailure.TOO_SHORT,
                        "frame of " + len + " bytes is too short for a v2 header (304 bytes)");
            }
            return new FrameDecodeException(DecodeFailure.BAD_VERSION,
                    "v2 header version " + u16(m, V2_VERSION_AT) + " at offset 132, expected 2");
        }
        boolean metaMagic = len >= 4 && m.getInt(0) == META_MAGIC;
        boolean legacyMagic = len >= LEGACY_MAGIC_AT + 4 && m.getInt(LEGACY_MAGIC_AT) == HAKO_MAGIC;
        if (metaMagic || legacyMagic) {
            if (len < LEGACY_HEADER) {
                return new FrameDecodeException(DecodeFailure.TOO_SHORT,
                        "frame of " + len + " bytes is too short for a legacy v2 header (200 bytes)");
            }
            if (!metaMagic) {
                return new FrameDecodeException(DecodeFailure.BAD_MAGIC, "legacy v2 header PduMetaData magic "
                        + hex(m.getInt(0)) + " at offset 0, expected 0x12345678");
            }
            int metaVersion = m.getInt(LEGACY_META_VERSION_AT);
            if (metaVersion != META_VERSION) {
                return new FrameDecodeException(DecodeFailure.BAD_VERSION, "legacy v2 header PduMetaData version "
                        + Integer.toUnsignedString(metaVersion) + " at offset 4, expected 1");
            }
            return new FrameDecodeException(DecodeFailure.BAD_MAGIC,
                    "legacy v2 header magic " + hex(m.getInt(LEGACY_MAGIC_AT)) + " at offset 28, expected 0x48414B4F");
        }
        if (len < V2_HEADER) {
            return new FrameDecodeException(DecodeFailure.TOO_SHORT,
                    "frame of " + len + " bytes is too short for a v2 header (304 bytes) and is not v1: "
                            + whyNotV1(m));
        }
        return new FrameDecodeException(DecodeFailure.UNRECOGNISED_FORM, "frame of " + len
                + " bytes has no v2 magic at offset 128 or 28 and is not v1: " + whyNotV1(m));
    }

    /** Only called for a message that does not parse as v1. */
    private static String whyNotV1(ByteBuffer m) {
        return switch (v1Problem(m)) {
            case V1_SHORT -> "a v1 header needs 12 bytes";
            case V1_NAME_PAST_END -> "name_len " + u32(m, V1_NAME_LEN) + " runs past the end";
            default -> "header_len " + u32(m, V1_HEADER_LEN) + " is not between 8 + name_len ("
                    + (V1_NAME + u32(m, V1_NAME_LEN)) + ") and the frame length";
        };
    }

    private static long u32(ByteBuffer m, int offset) {
        return Integer.toUnsignedLong(m.getInt(offset));
    }

    private static int u16(ByteBuffer m, int offset) {
        return Short.toUnsignedInt(m.getShort(offset));
    }

    private static String hex(int value) {
        String digits = Integer.toHexString(value).toUpperCase(Locale.ROOT);
        return "0x" + "00000000".substring(digits.length()) + digits;
    }
}
