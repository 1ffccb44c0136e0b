package org.hakoniwa.bridge.pdu.codec;

import static java.util.Objects.requireNonNull;
import static org.hakoniwa.bridge.pdu.codec.Wire.HAKO_MAGIC;
import static org.hakoniwa.bridge.pdu.codec.Wire.LEGACY_BASE_OFF;
import static org.hakoniwa.bridge.pdu.codec.Wire.LEGACY_BODY_LEN;
import static org.hakoniwa.bridge.pdu.codec.Wire.LEGACY_CHANNEL;
import static org.hakoniwa.bridge.pdu.codec.Wire.LEGACY_HEADER;
import static org.hakoniwa.bridge.pdu.codec.Wire.LEGACY_HEAP_OFF;
import static org.hakoniwa.bridge.pdu.codec.Wire.LEGACY_MAGIC_AT;
import static org.hakoniwa.bridge.pdu.codec.Wire.LEGACY_META_VERSION_AT;
import static org.hakoniwa.bridge.pdu.codec.Wire.LEGACY_NAME;
import static org.hakoniwa.bridge.pdu.codec.Wire.LEGACY_TIMES;
import static org.hakoniwa.bridge.pdu.codec.Wire.LEGACY_TOTAL_LEN;
import static org.hakoniwa.bridge.pdu.codec.Wire.LEGACY_TOTAL_SIZE;
import static org.hakoniwa.bridge.pdu.codec.Wire.LEGACY_TYPE;
import static org.hakoniwa.bridge.pdu.codec.Wire.LEGACY_VERSION_AT;
import static org.hakoniwa.bridge.pdu.codec.Wire.MAX_V2_NAME;
import static org.hakoniwa.bridge.pdu.codec.Wire.META_MAGIC;
import static org.hakoniwa.bridge.pdu.codec.Wire.META_SIZE;
import static org.hakoniwa.bridge.pdu.codec.Wire.META_VERSION;
import static org.hakoniwa.bridge.pdu.codec.Wire.TOTAL_LEN_BASE;
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
import static org.hakoniwa.bridge.pdu.codec.Wire.V2_TOTAL_LEN;
import static org.hakoniwa.bridge.pdu.codec.Wire.V2_TYPE;
import static org.hakoniwa.bridge.pdu.codec.Wire.V2_VERSION;
import static org.hakoniwa.bridge.pdu.codec.Wire.V2_VERSION_AT;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Encodes and decodes the Hakoniwa PDU wire frames of WIRE.md section 2, in all three forms. Immutable and
 * thread-safe; the caller's buffers are never moved (position, limit and byte order are left as found).
 *
 * <p><b>Decoding</b> ({@link #decode}) detects the form exactly as WIRE.md 2.2 says, then validates it.
 * It throws only {@link FrameDecodeException}, whatever the bytes. The frame's body is a read-only slice of
 * the message, not a copy. v2: {@code total_len}, flags, padding and the PduMetaData fields of the legacy
 * header other than magic and version are not checked, and bytes after the body are ignored; the robot name
 * is the bytes before the first NUL of its field (all 128 if there is none) and must be valid UTF-8.
 * v1: {@code header_len} is only a sanity check, {@code 8 + name_len <= header_len <= message length},
 * because writers disagree on it (the range holds {@code 8 + name_len}, that plus the body, and the whole
 * message length); a 4-byte body equal to a v1 control code is that control message, with an empty frame
 * body; any other body is PDU_DATA. Decoding does not apply {@link #maxFrameBytes()} (the transport bounds
 * incoming messages).
 *
 * <p><b>Encoding</b> ({@link #encode}) writes exactly the WIRE.md layout into one new heap buffer (position
 * 0, limit = size): zeros in flags, reserved and padding, {@code total_len = 172 + body_len}, the canonical
 * PduMetaData at the start of the legacy header, {@code header_len = 8 + name_len} in v1, and a v1 control
 * message as a 4-byte body equal to its code. It refuses with {@link FrameEncodeException}, never
 * truncating, a frame over {@link #maxFrameBytes()} ({@link EncodeFailure#TOO_LARGE}), a v2 robot name over
 * 127 UTF-8 bytes ({@link EncodeFailure#NAME_TOO_LONG}) and a frame the form cannot express
 * ({@link EncodeFailure#NOT_REPRESENTABLE}: see there). Every frame it encodes decodes to an equal frame
 * (in v1, which has no times, with the times 0).
 */
public final class FrameCodec {
    /** 1 MiB: the Python client closes with 1009 on any bigger message. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 1_048_576;

    private final int maxFrameBytes;

    /** A codec that refuses to encode frames over {@link #DEFAULT_MAX_FRAME_BYTES}. */
    public FrameCodec() {
        this(DEFAULT_MAX_FRAME_BYTES);
    }

    /** A codec that refuses to encode frames over {@code maxFrameBytes} (which must be positive). */
    public FrameCodec(int maxFrameBytes) {
        if (maxFrameBytes <= 0) {
            throw new IllegalArgumentException("maxFrameBytes must be positive, got " + maxFrameBytes);
        }
        this.maxFrameBytes = maxFrameBytes;
    }

    /** The largest encoded frame, in bytes, that {@link #encode} produces. */
    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    /**
     * The form of the message between its position and limit (WIRE.md 2.2): the 304-byte form if it has at
     * least 304 bytes, the HAKO magic at 128 and version 2 at 132; else the 200-byte form if it has at least
     * 200 bytes, PduMetaData magic and version 1 at 0 and the HAKO magic at 28; else v1 if it parses as v1
     * (see the class comment); else empty. A detected form can still fail to {@link #decode} (for instance a
     * {@code body_len} past the end). The buffer is not moved.
     */
    public static Optional<FrameForm> detect(ByteBuffer message) {
        requireNonNull(message, "message is null");
        return Optional.ofNullable(FrameDecoder.formOf(FrameDecoder.view(message)));
    }

    /**
     * Decodes the message between its position and limit, leaving the buffer as found. The returned
     * frame's body is a read-only slice of the message: the caller must not reuse the message's bytes while
     * the frame is in use.
     *
     * @throws FrameDecodeException for any message that is not a valid frame; nothing else is thrown for any
     *     content
     */
    public Frame decode(ByteBuffer message) throws FrameDecodeException {
        requireNonNull(message, "message is null");
        return FrameDecoder.decode(FrameDecoder.view(message));
    }

    /**
     * Encodes the frame in its own form; see
     * {@link #encode(FrameForm, MessageType, String, int, ByteBuffer, long, long, long)}.
     */
    public ByteBuffer encode(Frame frame) {
        requireNonNull(frame, "frame is null");
        return encode(frame.form(), frame.type(), frame.robot(), frame.channel(), frame.bodyView(),
                frame.hakoTimeUs(), frame.assetTimeUs(), frame.realTimeUs());
    }

    /**
     * Encodes one frame from its parts. The body is the bytes between the buffer's position and limit; the
     * buffer is not moved. For a v1 control type the body must be empty (the code itself is the wire body);
     * v1 carries no times, so they are dropped.
     *
     * @return a new heap buffer, position 0, limit = the encoded size
     * @throws FrameEncodeException if the frame is too large, the name too long for v2, or the frame not
     *     representable in the form
     */
    public ByteBuffer encode(
            FrameForm form,
            MessageType type,
            String robot,
            int channel,
            ByteBuffer body,
            long hakoTimeUs,
            long assetTimeUs,
            long realTimeUs) {
        requireNonNull(form, "form is null");
        requireNonNull(type, "type is null");
        requireNonNull(robot, "robot is null");
        requireNonNull(body, "body is null");
        // Read once: the rest of the method uses these and only absolute accesses.
        int bodyPos = body.position();
        int bodyLen = body.remaining();
        if (form == FrameForm.V1) {
            checkV1Representable(type, body, bodyPos, bodyLen);
        }
        checkWellFormed(robot);
        byte[] name = robot.getBytes(StandardCharsets.UTF_8);
        return switch (form) {
            case V2_304 -> encodeV2(type, robot, name, channel, body, bodyPos, bodyLen, hakoTimeUs, assetTimeUs,
                    realTimeUs);
            case V2_200 -> encodeLegacy(type, robot, name, channel, body, bodyPos, bodyLen, hakoTimeUs,
                    assetTimeUs, realTimeUs);
            case V1 -> encodeV1(type, robot, name, channel, body, bodyPos, bodyLen);
        };
    }

    /**
     * The encoded size of a frame in the given form. {@code bodyLength} is the body on the wire: for a v1
     * control message that is 4 (the code), not 0.
     *
     * @throws IllegalArgumentException for a negative length, or a size beyond {@code Integer.MAX_VALUE}
     */
    public int encodedSize(FrameForm form, int robotUtf8Length, int bodyLength) {
        requireNonNull(form, "form is null");
        if (robotUtf8Length < 0 || bodyLength < 0) {
            throw new IllegalArgumentException("negative length: robotUtf8Length " + robotUtf8Length
                    + ", bodyLength " + bodyLength);
        }
        long size = size(form, robotUtf8Length, bodyLength);
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a frame of " + size + " bytes does not fit in a buffer");
        }
        return (int) size;
    }

    @Override
    public String toString() {
        return "FrameCodec[maxFrameBytes=" + maxFrameBytes + "]";
    }

    private static long size(FrameForm form, int robotUtf8Length, int bodyLength) {
        return switch (form) {
            case V2_304 -> (long) V2_HEADER + bodyLength;
            case V2_200 -> (long) LEGACY_HEADER + bodyLength;
            case V1 -> (long) V1_FIXED + robotUtf8Length + bodyLength;
        };
    }

    private ByteBuffer encodeV2(MessageType type, String robot, byte[] name, int channel, ByteBuffer body,
            int bodyPos, int bodyLen, long hakoTimeUs, long assetTimeUs, long realTimeUs) {
        checkV2Name(robot, name);
        ByteBuffer out = allocate(V2_HEADER + (long) bodyLen, robot, channel, bodyLen);
        out.put(V2_NAME, name);
        out.putInt(V2_MAGIC_AT, HAKO_MAGIC);
        out.putShort(V2_VERSION_AT, (short) V2_VERSION);
        out.putInt(V2_TYPE, type.code());
        out.putInt(V2_TOTAL_LEN, TOTAL_LEN_BASE + bodyLen);
        out.putInt(V2_BODY_LEN, bodyLen);
        out.putLong(V2_TIMES, hakoTimeUs);
        out.putLong(V2_TIMES + 8, assetTimeUs);
        out.putLong(V2_TIMES + 16, realTimeUs);
        out.putInt(V2_CHANNEL, channel);
        out.put(V2_HEADER, body, bodyPos, bodyLen);
        return out;
    }

    private ByteBuffer encodeLegacy(MessageType type, String robot, byte[] name, int channel, ByteBuffer body,
            int bodyPos, int bodyLen, long hakoTimeUs, long assetTimeUs, long realTimeUs) {
        checkV2Name(robot, name);
        ByteBuffer out = allocate(LEGACY_HEADER + (long) bodyLen, robot, channel, bodyLen);
        out.putInt(0, META_MAGIC);
        out.putInt(LEGACY_META_VERSION_AT, META_VERSION);
        out.putInt(LEGACY_BASE_OFF, META_SIZE);
        out.putInt(LEGACY_HEAP_OFF, LEGACY_HEADER);
        out.putInt(LEGACY_TOTAL_SIZE, LEGACY_HEADER);
        out.putInt(LEGACY_TOTAL_LEN, TOTAL_LEN_BASE + bodyLen);
        out.putInt(LEGACY_MAGIC_AT, HAKO_MAGIC);
        out.putShort(LEGACY_VERSION_AT, (short) V2_VERSION);
        out.putInt(LEGACY_TYPE, type.code());
        out.putLong(LEGACY_TIMES, hakoTimeUs);
        out.putLong(LEGACY_TIMES + 8, assetTimeUs);
        out.putLong(LEGACY_TIMES + 16, realTimeUs);
        out.put(LEGACY_NAME, name);
        out.putInt(LEGACY_CHANNEL, channel);
        out.putInt(LEGACY_BODY_LEN, bodyLen);
        out.put(LEGACY_HEADER, body, bodyPos, bodyLen);
        return out;
    }

    private ByteBuffer encodeV1(MessageType type, String robot, byte[] name, int channel, ByteBuffer body,
            int bodyPos, int bodyLen) {
        boolean control = type.isV1Control();
        int wireBodyLen = control ? V1_CONTROL_BODY : bodyLen;
        ByteBuffer out = allocate((long) V1_FIXED + name.length + wireBodyLen, robot, channel, wireBodyLen);
        out.putInt(V1_HEADER_LEN, V1_NAME + name.length);
        out.putInt(V1_NAME_LEN, name.length);
        out.put(V1_NAME, name);
        out.putInt(V1_NAME + name.length, channel);
        if (control) {
            out.putInt(V1_FIXED + name.length, type.code());
        } else {
            out.put(V1_FIXED + name.length, body, bodyPos, bodyLen);
        }
        return out;
    }

    /** The one allocation of an encode: a zero-filled little-endian heap buffer of the checked size. */
    private ByteBuffer allocate(long size, String robot, int channel, int wireBodyLen) {
        if (size > maxFrameBytes) {
            throw new FrameEncodeException(EncodeFailure.TOO_LARGE, "frame of " + size
                    + " bytes exceeds the limit of " + maxFrameBytes + " bytes (robot " + robot + ", channel "
                    + channel + ", body " + wireBodyLen + " bytes)");
        }
        return ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void checkV1Representable(MessageType type, ByteBuffer body, int bodyPos, int bodyLen) {
        if (!FrameForm.V1.canCarry(type)) {
            throw new FrameEncodeException(EncodeFailure.NOT_REPRESENTABLE, "a v1 frame cannot carry " + type
                    + " (only PDU_DATA, DECLARE_PDU_FOR_READ, DECLARE_PDU_FOR_WRITE and REQUEST_PDU_READ)");
        }
        if (type.isV1Control()) {
            if (bodyLen != 0) {
                throw new FrameEncodeException(EncodeFailure.NOT_REPRESENTABLE,
                        "a v1 " + type + " carries no body, got " + bodyLen + " bytes");
            }
            return;
        }
        if (bodyLen == V1_CONTROL_BODY) {
            // Read byte by byte: the caller's buffer may have either byte order.
            int code = (body.get(bodyPos) & 0xFF)
                    | (body.get(bodyPos + 1) & 0xFF) << 8
                    | (body.get(bodyPos + 2) & 0xFF) << 16
                    | (body.get(bodyPos + 3) & 0xFF) << 24;
            MessageType lookalike = MessageType.byCode(code);
            if (lookalike != null && lookalike.isV1Control()) {
                throw new FrameEncodeException(EncodeFailure.NOT_REPRESENTABLE, "a v1 PDU_DATA body of 4 bytes"
                        + " equal to the " + lookalike + " code would decode as that control message");
            }
        }
    }

    private static void checkV2Name(String robot, byte[] name) {
        if (name.length > MAX_V2_NAME) {
            throw new FrameEncodeException(EncodeFailure.NAME_TOO_LONG, "robot name of " + name.length
                    + " UTF-8 bytes exceeds the 127 a v2 frame can carry: " + robot);
        }
        for (int i = 0; i < name.length; i++) {
            if (name[i] == 0) {
                throw new FrameEncodeException(EncodeFailure.NOT_REPRESENTABLE, "robot name contains NUL at"
                        + " UTF-8 byte " + i + ", where a v2 reader would cut it");
            }
        }
    }

    /** String.getBytes would silently replace an unpaired surrogate with '?': refuse instead. */
    private static void checkWellFormed(String robot) {
        for (int i = 0, n = robot.length(); i < n; i++) {
            char c = robot.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(robot.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new FrameEncodeException(EncodeFailure.NOT_REPRESENTABLE, "robot name has an unpaired"
                        + " surrogate at index " + i + " and cannot be written as UTF-8");
            }
        }
    }
}
